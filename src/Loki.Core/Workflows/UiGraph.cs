using System.Text.Json;
using System.Text.Json.Nodes;

namespace Loki.Core.Workflows;

/// <summary>
/// A read-only view of one graph: the root of a UI workflow (schema 0.4 or 1) or one subgraph definition
/// (always schema-1 style). Links of either form are read into <see cref="UiLink"/>s keyed by id.
/// </summary>
public sealed class UiGraph : IUiRaw
{
    /// <summary>The node id of a subgraph's input node (<c>SUBGRAPH_INPUT_ID</c>).</summary>
    public const string SubgraphInputId = "-10";

    /// <summary>The node id of a subgraph's output node (<c>SUBGRAPH_OUTPUT_ID</c>).</summary>
    public const string SubgraphOutputId = "-20";

    private UiNodeIndex? _byId;

    // The links, found by id (a converter asks once per linked input); their objects and id dictionary made on demand.
    private UiLinkTable _links;
    private readonly UiGraph? _parent;
    private readonly int _definitionIndex;
    private readonly LazyJsonRoot? _source;
    private readonly JsonElement _element;
    private JsonObject? _raw;
    private List<long?>? _outputLinkIds;

    /// <summary>A graph given as an object.</summary>
    internal UiGraph(JsonObject raw, string jsonPath, bool isSubgraph)
        : this(JsonSource.ElementOf(raw), null, -1, jsonPath, isSubgraph)
    {
        _raw = raw;
    }

    /// <summary>
    /// A graph read from its element: the root (<paramref name="raw"/> given) or subgraph definition
    /// <paramref name="definitionIndex"/> of <paramref name="parent"/> (its object looked up there on first use).
    /// </summary>
    internal UiGraph(JsonElement element, UiGraph? parent, int definitionIndex, string jsonPath, bool isSubgraph, JsonObject? raw = null)
    {
        _raw = raw;
        _parent = parent;
        _definitionIndex = definitionIndex;
        _element = element;
        JsonPath = jsonPath;
        IsSubgraph = isSubgraph;
        JsonElement nodesElement = default, links = default, inputs = default, outputs = default, id = default, name = default;
        foreach (var property in element.EnumerateObject())
        {
            if (property.NameEquals("nodes"u8)) { nodesElement = property.Value; }
            else if (property.NameEquals("links"u8)) { links = property.Value; }
            else if (property.NameEquals("inputs"u8)) { inputs = property.Value; }
            else if (property.NameEquals("outputs"u8)) { outputs = property.Value; }
            else if (property.NameEquals("id"u8)) { id = property.Value; }
            else if (property.NameEquals("name"u8)) { name = property.Value; }
        }

        Id = isSubgraph ? JsonRead.String(id) : null;
        Name = JsonRead.String(name);

        var nodes = new List<UiNode>(nodesElement.ValueKind == JsonValueKind.Array ? nodesElement.GetArrayLength() : 0);
        if (nodesElement.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in nodesElement.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object && UiNode.Read(item, this, i) is { } node)
                {
                    nodes.Add(node);
                }
                else
                {
                    (NodesWithoutId ??= []).Add(i);
                }

                i++;
            }
        }

        Nodes = nodes;
        _byId = UiNodeIndex.Of(nodes, out var repeated);
        RepeatedIds = repeated;
        _links = ReadLinks(links, jsonPath + ".links");
        SubgraphInputs = ReadIo(inputs, "inputs");
        SubgraphOutputs = ReadIo(outputs, "outputs");
    }

    /// <summary>
    /// The root graph of a workflow <see cref="UiDirectReader"/> reads from <paramref name="source"/>'s bytes: it adds
    /// the nodes and links it read (<see cref="SetRead"/>) before anyone sees the graph.
    /// </summary>
    internal UiGraph(LazyJsonRoot source)
        : this(source, null, -1, "$")
    {
    }

    /// <summary>
    /// Subgraph definition <paramref name="definitionIndex"/> of <paramref name="parent"/> (at <paramref name="jsonPath"/>)
    /// as <see cref="UiDefinitionsReader"/> reads it from <paramref name="source"/>'s bytes: it adds what it read
    /// (<see cref="SetRead"/>, <see cref="SetDefinition"/>) before anyone sees the graph; its object and element are
    /// looked up in its parent's on first use, as a definition read from elements looks up its object.
    /// </summary>
    internal UiGraph(LazyJsonRoot source, UiGraph? parent, int definitionIndex, string jsonPath)
    {
        _source = source;
        _parent = parent;
        _definitionIndex = definitionIndex;
        JsonPath = jsonPath;
        IsSubgraph = parent is not null;
        Nodes = [];
        _links = UiLinkTable.Empty;
        SubgraphInputs = [];
        SubgraphOutputs = [];
    }

    /// <summary>The graph object as read (a subgraph definition's is looked up in its parent on first use).</summary>
    public JsonObject Raw => _raw ??= _parent is null ? _source!.Object : (JsonObject)((JsonArray)((JsonObject)_parent.Raw["definitions"]!)["subgraphs"]!)[_definitionIndex]!;

    /// <summary>The graph as parsed (for a graph read from bytes, parsed when asked for).</summary>
    internal JsonElement Element => _source is null ? _element
        : _parent is null ? _source.Element : _parent.Element.GetProperty("definitions"u8).GetProperty("subgraphs"u8)[_definitionIndex];

    /// <summary>The file a graph read from bytes points into (its nodes' slices and saved values too), else null.</summary>
    internal LazyJsonRoot? Source => _source;

    /// <summary>Where the graph sits in its file (<c>$</c> for the root).</summary>
    public string JsonPath { get; }

    /// <summary>True for a subgraph definition.</summary>
    public bool IsSubgraph { get; }

    /// <summary>A subgraph definition's id (uuid), or null for the root.</summary>
    public string? Id { get; private set; }

    /// <summary>A subgraph definition's name, or null.</summary>
    public string? Name { get; private set; }

    /// <summary>The nodes in file order (entries without an id are left out).</summary>
    public IReadOnlyList<UiNode> Nodes { get; private set; }

    /// <summary>The links by id (in file order; made on first use: converting reads <see cref="LinkTable"/>).</summary>
    public IReadOnlyDictionary<long, UiLink> Links => _links.ById;

    /// <summary>The links as read, found by id without making their objects.</summary>
    internal UiLinkTable LinkTable => _links;

    /// <summary>A subgraph definition's inputs (name, type) in slot order; empty for the root.</summary>
    public IReadOnlyList<UiSlot> SubgraphInputs { get; private set; }

    /// <summary>A subgraph definition's outputs in slot order; empty for the root.</summary>
    public IReadOnlyList<UiSlot> SubgraphOutputs { get; private set; }

    /// <summary>The indexes of <c>nodes</c> entries left out for not being objects with an id (null when there are none).</summary>
    internal List<int>? NodesWithoutId { get; private set; }

    /// <summary>The nodes whose id an earlier node already has, in file order (null when there are none).</summary>
    internal List<UiNode>? RepeatedIds { get; private set; }

    /// <summary>The node with id <paramref name="id"/> (the first one, if a broken file repeats it), or null.</summary>
    public UiNode? Node(string id) => _byId?.Find(id);

    /// <summary>The link with id <paramref name="id"/>, or null.</summary>
    public UiLink? Link(long? id) => id is { } v && _links.Find(v) is >= 0 and var at ? _links.Object(at) : null;

    /// <summary>
    /// Sets what the direct reader read: the nodes in file order (indexed by id once, at their final count; a repeated
    /// id noted as the element reader notes it), the links and the graph's name.
    /// </summary>
    internal void SetRead(UiNode[] nodes, UiLinkTable links, string? name)
    {
        Nodes = nodes;
        _byId = UiNodeIndex.Of(nodes, out var repeated, _source?.Memory);
        RepeatedIds = repeated;
        _links = links;
        Name = name;
    }

    /// <summary>
    /// The first entry of subgraph output <paramref name="slot"/>'s <c>linkIds</c> as a whole number, or null (no such
    /// entry): read with the slot by the direct reader, else from the slot's object.
    /// </summary>
    internal long? FirstOutputLinkId(int slot) => _outputLinkIds is { } read ? read[slot]
        : SubgraphOutputs[slot].Raw["linkIds"] is JsonArray ids && ids.Count > 0 ? JsonRead.Long(ids[0]) : null;

    /// <summary>
    /// The input slots of every node the direct reader read into this graph, node after node, in one array (each node
    /// holds where its own lie): one array per graph instead of one per node (~960 for the 976-node corpus workflow).
    /// </summary>
    internal UiSlotFields[] InputPool { get; private set; } = [];

    /// <summary>The saved widget values of every node the direct reader read into this graph, in one array (as <see cref="InputPool"/>).</summary>
    internal SavedValue[] SavedPool { get; private set; } = [];

    /// <summary>Sets the arrays the direct reader's nodes of this graph point into (before anyone sees the graph).</summary>
    internal void SetPools(UiSlotFields[] inputs, SavedValue[] saved) => (InputPool, SavedPool) = (inputs, saved);

    /// <summary>
    /// What the direct reader read of a subgraph definition besides its nodes and links: its id, its inputs and outputs,
    /// and each output's first <c>linkIds</c> entry (<see cref="FirstOutputLinkId"/>).
    /// </summary>
    internal void SetDefinition(string? id, List<UiSlot> inputs, List<UiSlot> outputs, List<long?> outputLinkIds)
    {
        Id = id;
        SubgraphInputs = inputs;
        SubgraphOutputs = outputs;
        _outputLinkIds = outputLinkIds;
    }

    private List<UiSlot> ReadIo(JsonElement array, string key)
    {
        var result = new List<UiSlot>();
        if (!IsSubgraph || array.ValueKind != JsonValueKind.Array)
        {
            return result;
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var isObject = item.ValueKind == JsonValueKind.Object;
            var name = isObject && item.TryGetProperty("name"u8, out var n) ? JsonRead.String(n) : null;
            var type = isObject && item.TryGetProperty("type"u8, out var t) ? JsonRead.Type(t) : string.Empty;
            result.Add(new UiSlot(name ?? string.Empty, type, null, null, this, key, index++));
        }

        return result;
    }

    private static UiLinkTable ReadLinks(JsonElement array, string path)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            return UiLinkTable.From([], path);
        }

        var read = new List<UiLinkFields>(array.GetArrayLength());
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var index = i++;
            UiLinkFields? link = null;
            if (item.ValueKind == JsonValueKind.Array && item.GetArrayLength() is >= 5 and var length)
            {
                link = Make(item[0], item[1], item[2], item[3], item[4], length > 5 ? item[5] : default, index);
            }
            else if (item.ValueKind == JsonValueKind.Object)
            {
                link = Make(Get(item, "id"u8), Get(item, "origin_id"u8), Get(item, "origin_slot"u8), Get(item, "target_id"u8), Get(item, "target_slot"u8), Get(item, "type"u8), index);
            }

            if (link is { } made)
            {
                read.Add(made);
            }
        }

        return UiLinkTable.From(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(read), path);
    }

    private static JsonElement Get(JsonElement obj, ReadOnlySpan<byte> name) => obj.TryGetProperty(name, out var value) ? value : default;

    private static UiLinkFields? Make(JsonElement id, JsonElement origin, JsonElement originSlot, JsonElement target, JsonElement targetSlot, JsonElement type, int index)
    {
        if (JsonRead.Long(id) is not { } linkId || JsonRead.Id(origin) is not { } o || JsonRead.Id(target) is not { } t)
        {
            return null;
        }

        return new UiLinkFields(linkId, o, (int)(JsonRead.Long(originSlot) ?? 0), t, (int)(JsonRead.Long(targetSlot) ?? 0), JsonRead.Type(type), index);
    }
}
