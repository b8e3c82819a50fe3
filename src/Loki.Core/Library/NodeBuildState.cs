using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Loki.Core.IO;
using Loki.Core.Regeneration;
using Loki.Core.Text;

namespace Loki.Core.Library;

/// <summary>
/// What the last successful build recorded about one node (its stamp file under <c>obj/</c>): the fingerprint it
/// built from and the growth report it produced, so a node whose fingerprint has not changed is skipped.
/// </summary>
/// <param name="Fingerprint">The <see cref="NodeFingerprint"/> after regeneration.</param>
/// <param name="Layers">Layer → state (lower case), for the library report.</param>
/// <param name="Diagnostics">The diagnostics of that build, rendered.</param>
public sealed record NodeBuildState(string Fingerprint, ImmutableSortedDictionary<string, string> Layers, ImmutableArray<string> Diagnostics)
{
    /// <summary>The state to record after regenerating a node.</summary>
    public static NodeBuildState From(string fingerprint, NodeGrowth growth) => new(
        fingerprint,
        growth.Layers.ToImmutableSortedDictionary(l => l.Layer.ToString().ToLowerInvariant(), l => l.State.ToString().ToLowerInvariant(), StringComparer.Ordinal),
        [.. growth.Diagnostics.Select(d => d.ToString())]);

    /// <summary>Reads a stamp file; null when absent or unreadable (the node is then rebuilt).</summary>
    public static NodeBuildState? Read(string path)
    {
        try
        {
            if (!File.Exists(path) || JsonNode.Parse(File.ReadAllText(path)) is not JsonObject o || o["fingerprint"]?.GetValue<string>() is not { } fp)
            {
                return null;
            }

            var layers = (o["layers"] as JsonObject)?.ToImmutableSortedDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? string.Empty, StringComparer.Ordinal)
                         ?? ImmutableSortedDictionary<string, string>.Empty;
            var diags = (o["diagnostics"] as JsonArray)?.Select(d => d?.GetValue<string>() ?? string.Empty).ToImmutableArray() ?? [];
            return new NodeBuildState(fp, layers, diags);
        }
        catch (Exception ex) when (ex is IOException or JsonException or InvalidOperationException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Writes the stamp file (atomically, only when changed).</summary>
    public void Write(string path)
    {
        var o = new JsonObject
        {
            ["fingerprint"] = Fingerprint,
            ["layers"] = new JsonObject(Layers.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
            ["diagnostics"] = new JsonArray([.. Diagnostics.Select(d => (JsonNode?)d)]),
        };
        AtomicFile.WriteIfChanged(path, CanonicalJson.Write(o));
    }
}
