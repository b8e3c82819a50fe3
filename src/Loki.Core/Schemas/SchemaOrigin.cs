using System.Text.Json.Nodes;

namespace Loki.Core.Schemas;

/// <summary>
/// Where a node definition came from: the dump file (or the shipped catalogue) and the ComfyUI version that dump was
/// taken from, when known. The version decides which of several definitions of a class is the newest.
/// </summary>
/// <param name="Source">The dump's path as given, or <c>&lt;catalogue:comfyui-X&gt;</c>.</param>
/// <param name="ComfyVersion">The ComfyUI version (<c>0.3.64</c>), or null when the dump does not say.</param>
public sealed record SchemaOrigin(string Source, string? ComfyVersion)
{
    // The version parsed once per origin (ranking a class's definitions asks for it a few times per definition): kept
    // with the text it was parsed from, so a copy made with another version ('with') parses its own.
    private Tuple<string, Version?>? _parsed;

    /// <summary>The version as a comparable value; null when unknown or not numeric.</summary>
    public Version? ParsedVersion
    {
        get
        {
            if (ComfyVersion is not { } text)
            {
                return null;
            }

            if (Volatile.Read(ref _parsed) is not { } parsed || !ReferenceEquals(parsed.Item1, text))
            {
                parsed = new(text, Version.TryParse(text, out var version) ? version : null);
                Volatile.Write(ref _parsed, parsed);
            }

            return parsed.Item2;
        }
    }

    /// <summary>Equal when the source and the version are (what was parsed when is no part of an origin).</summary>
    public bool Equals(SchemaOrigin? other) =>
        ReferenceEquals(this, other) || (other is not null && Source == other.Source && ComfyVersion == other.ComfyVersion);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Source, ComfyVersion);

    /// <summary>
    /// The ComfyUI version of the dump at <paramref name="path"/>: a <c>system_stats.json</c> beside it (what the
    /// server's <c>/system_stats</c> answers: <c>system.comfyui_version</c>), else a version in the file name
    /// (<c>comfyui-0.3.64-core.object_info.json</c>); null when neither says.
    /// </summary>
    public static string? VersionOfDump(string path)
    {
        var stats = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", "system_stats.json");
        if (File.Exists(stats))
        {
            try
            {
                if ((JsonNode.Parse(File.ReadAllText(stats))?["system"] as JsonObject)?["comfyui_version"] is JsonValue v
                    && v.TryGetValue(out string? text) && VersionText.AtStart(text) is { } version)
                {
                    return version;
                }
            }
            catch (System.Text.Json.JsonException)
            {
                // A damaged stats file says nothing about the version; the file name may.
            }
        }

        return VersionText.InFileName(Path.GetFileName(path.AsSpan()));
    }

    /// <summary>True when <paramref name="path"/> is a <c>/system_stats</c> answer rather than a dump.</summary>
    public static bool IsStatsFile(string path) => Path.GetFileName(path).Equals("system_stats.json", StringComparison.OrdinalIgnoreCase);
}
