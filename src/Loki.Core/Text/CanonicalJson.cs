using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Loki.Core.Text;

/// <summary>
/// The one way LOKI writes JSON files: two-space indent, <c>\n</c> line ends, a final newline, UTF-8
/// kept readable (non-ASCII is not escaped), key order as held by the node (callers sort where order is free).
/// </summary>
public static class CanonicalJson
{
    /// <summary>Options for writing files people read.</summary>
    public static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Options for compact output (one line).</summary>
    public static readonly JsonSerializerOptions Compact = new()
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Serialises <paramref name="node"/> as an indented document ending in a newline.</summary>
    public static string Write(JsonNode? node) => (node?.ToJsonString(Indented) ?? "null") + "\n";

    /// <summary>Serialises <paramref name="node"/> on one line.</summary>
    public static string WriteCompact(JsonNode? node) => node?.ToJsonString(Compact) ?? "null";

    /// <summary>Returns a deep copy of <paramref name="node"/> with every object's keys sorted ordinally.</summary>
    public static JsonNode? SortKeys(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, SortKeys(p.Value)))),
        JsonArray arr => new JsonArray(arr.Select(SortKeys).ToArray()),
        _ => node?.DeepClone(),
    };
}
