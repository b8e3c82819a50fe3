using System.Text.Json.Nodes;

namespace Loki.Core.Workflows;

/// <summary>
/// A read-only view of one graph: the root of a UI workflow (schema 0.4 or 1) or one subgraph definition
/// (always schema-1 style). Links of either form are read into <see cref="UiLink"/>s keyed by id.
/// </summary>
public sealed class UiGraph
{
    /// <summary>The node id of a subgraph's input node (<c>SUBGRAPH_INPUT_ID</c>).</summary>
    public const string SubgraphInputId = "-10";

    /// <summary>The node id of a subgraph's output node (<c>SUBGRAPH_OUTPUT_ID</c>).</summary>
    public const string SubgraphOutputId = "-20";

    private readonly Dictionary<string, UiNode> _byId = new(StringComparer.Ordinal);

    internal UiGraph(JsonObject raw, string jsonPath, bool isSubgraph)
    {
        Raw = raw;
        JsonPath = jsonPath;
        IsSubgraph = isSubgraph;
        var nodes = new List<UiNode>();
        if (raw["nodes"] is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is JsonObject obj && JsonRead.Id(obj["id"]) is { } id)
                {
                    var node = new UiNode(obj, id, JsonPathText.Index(jsonPath + ".nodes", i));
                    nodes.Add(node);
                    _byId.TryAdd(id, node);
                }
            }
        }

        Nodes = nodes;
        Links = ReadLinks(raw["links"], jsonPath + ".links");
        SubgraphInputs = ReadIo(raw["inputs"]);
        SubgraphOutputs = ReadIo(raw["outputs"]);
    }

    /// <summary>The graph object as read.</summary>
    public JsonObject Raw { get; }

    /// <summary>Where the graph sits in its file (<c>$</c> for the root).</summary>
    public string JsonPath { get; }

    /// <summary>True for a subgraph definition.</summary>
    public bool IsSubgraph { get; }

    /// <summary>A subgraph definition's id (uuid), or null for the root.</summary>
    public string? Id => IsSubgraph ? JsonRead.String(Raw["id"]) : null;

    /// <summary>A subgraph definition's name, or null.</summary>
    public string? Name => JsonRead.String(Raw["name"]);

    /// <summary>The nodes in file order (entries without an id are left out).</summary>
    public IReadOnlyList<UiNode> Nodes { get; }

    /// <summary>The links by id.</summary>
    public IReadOnlyDictionary<long, UiLink> Links { get; }

    /// <summary>A subgraph definition's inputs (name, type) in slot order; empty for the root.</summary>
    public IReadOnlyList<UiSlot> SubgraphInputs { get; }

    /// <summary>A subgraph definition's outputs in slot order; empty for the root.</summary>
    public IReadOnlyList<UiSlot> SubgraphOutputs { get; }

    /// <summary>The node with id <paramref name="id"/> (the first one, if a broken file repeats it), or null.</summary>
    public UiNode? Node(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The link with id <paramref name="id"/>, or null.</summary>
    public UiLink? Link(long? id) => id is { } v ? Links.GetValueOrDefault(v) : null;

    private List<UiSlot> ReadIo(JsonNode? node)
    {
        var result = new List<UiSlot>();
        if (!IsSubgraph || node is not JsonArray array)
        {
            return result;
        }

        foreach (var item in array)
        {
            var obj = item as JsonObject ?? new JsonObject();
            result.Add(new UiSlot(JsonRead.String(obj["name"]) ?? string.Empty, JsonRead.Type(obj["type"]), null, null, obj));
        }

        return result;
    }

    private static Dictionary<long, UiLink> ReadLinks(JsonNode? node, string path)
    {
        var result = new Dictionary<long, UiLink>();
        if (node is not JsonArray array)
        {
            return result;
        }

        for (var i = 0; i < array.Count; i++)
        {
            var at = JsonPathText.Index(path, i);
            var link = array[i] switch
            {
                JsonArray a when a.Count >= 5 => Make(a[0], a[1], a[2], a[3], a[4], a.Count > 5 ? a[5] : null, at),
                JsonObject o => Make(o["id"], o["origin_id"], o["origin_slot"], o["target_id"], o["target_slot"], o["type"], at),
                _ => null,
            };
            if (link is not null)
            {
                result.TryAdd(link.Id, link);
            }
        }

        return result;
    }

    private static UiLink? Make(JsonNode? id, JsonNode? origin, JsonNode? originSlot, JsonNode? target, JsonNode? targetSlot, JsonNode? type, string at)
    {
        if (JsonRead.Long(id) is not { } linkId || JsonRead.Id(origin) is not { } o || JsonRead.Id(target) is not { } t)
        {
            return null;
        }

        return new UiLink(linkId, o, (int)(JsonRead.Long(originSlot) ?? 0), t, (int)(JsonRead.Long(targetSlot) ?? 0), JsonRead.Type(type), at);
    }
}
