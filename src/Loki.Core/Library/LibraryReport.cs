using System.Text;
using Loki.Core.Nodes;

namespace Loki.Core.Library;

/// <summary>
/// Renders the growth report of a whole library as markdown: per node, which layers a person wrote, which LOKI
/// generated, which were edited, and which are missing and cannot be generated.
/// </summary>
public static class LibraryReport
{
    /// <summary>The markdown text (deterministic: nodes sorted by name, layers in catalogue order).</summary>
    public static string Markdown(IEnumerable<NodeBuildResult> results)
    {
        var sb = new StringBuilder();
        sb.Append("# LOKI node library: growth report\n\n");
        sb.Append("| node | authored | generated | edited | missing | problems |\n|---|---|---|---|---|---|\n");
        foreach (var r in results.OrderBy(r => r.Node, StringComparer.Ordinal).ThenBy(r => r.Directory, StringComparer.Ordinal))
        {
            IReadOnlyDictionary<string, string> layers = r.State?.Layers
                ?? (IReadOnlyDictionary<string, string>?)r.Growth?.Layers.ToDictionary(l => l.Layer.ToString().ToLowerInvariant(), l => l.State.ToString().ToLowerInvariant())
                ?? new Dictionary<string, string>();
            string Of(params string[] states) => string.Join(", ", LayerCatalog.All
                .Select(d => d.Layer.ToString().ToLowerInvariant())
                .Where(l => layers.TryGetValue(l, out var s) && states.Contains(s)));
            var problems = (r.State?.Diagnostics ?? [.. r.Growth?.Diagnostics.Select(d => d.ToString()) ?? []])
                .Select(d => System.Text.RegularExpressions.Regex.Match(d, @"\b(error|warning) (LOKI\d{4})"))
                .Where(m => m.Success)
                .Select(m => m.Groups[2].Value)
                .Distinct()
                .Order(StringComparer.Ordinal);
            sb.Append("| ").Append(r.Node)
              .Append(" | ").Append(Of("authored"))
              .Append(" | ").Append(Of("generated", "written"))
              .Append(" | ").Append(Of("edited", "orphaned"))
              .Append(" | ").Append(Of("missing", "failed"))
              .Append(" | ").Append(string.Join(", ", problems))
              .Append(" |\n");
        }

        return sb.ToString();
    }
}
