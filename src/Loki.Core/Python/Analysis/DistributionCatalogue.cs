using System.Collections.Frozen;

namespace Loki.Core.Python.Analysis;

/// <summary>
/// Maps an import name to the distribution that provides it (<c>PIL</c> → <c>Pillow</c>, <c>cv2</c> →
/// <c>opencv-python</c>), from the catalogue shipped in Loki.Core (<c>Resources/catalogues/import-distributions.tsv</c>).
/// </summary>
public static class DistributionCatalogue
{
    private static readonly Lazy<FrozenDictionary<string, string>> Map = new(Load);

    /// <summary>The distribution for <paramref name="importName"/>, or null when the catalogue does not know it.</summary>
    public static string? Find(string importName) => Map.Value.TryGetValue(importName, out var d) ? d : null;

    /// <summary>Every known import name, sorted.</summary>
    public static IEnumerable<string> ImportNames => Map.Value.Keys.Order(StringComparer.Ordinal);

    private static FrozenDictionary<string, string> Load()
    {
        using var stream = typeof(DistributionCatalogue).Assembly.GetManifestResourceStream("Loki.Core.Resources.catalogues/import-distributions.tsv")
            ?? throw new InvalidOperationException("the import → distribution catalogue is not embedded");
        using var reader = new StreamReader(stream);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#') || line.Trim().Length == 0)
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length == 2)
            {
                map[parts[0].Trim()] = parts[1].Trim();
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
