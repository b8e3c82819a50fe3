using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Loki.Core.Schemas;
using Loki.Core.Workflows;

namespace Loki.Core.Conversion.UiToApi;

/// <summary>
/// One node of the flattened graph (the frontend's <c>ExecutableNodeDTO</c>): its execution id joins the subgraph
/// instance path with <c>:</c>; group-node children are <c>&lt;group&gt;:&lt;index&gt;</c>.
/// </summary>
internal sealed class FlatNode
{
    private bool _schemaChosen;

    public FlatNode(string id, UiNode node, IReadOnlyList<string> path, FlatNode? instance, string classType, FlatNodeKind kind)
    {
        Id = id;
        Node = node;
        Path = path;
        Instance = instance;
        ClassType = classType;
        Kind = kind;
    }

    /// <summary>The execution id (<c>"5"</c>, <c>"3:7"</c>, <c>"12:0"</c>).</summary>
    public string Id { get; }

    /// <summary>The UI node.</summary>
    public UiNode Node { get; }

    /// <summary>The graph that holds the node (its node's); null for a group-node child, whose node no graph holds.</summary>
    public UiGraph? Graph => Node.Graph;

    /// <summary>The ids of the subgraph instances above the node (used to build the ids of its neighbours).</summary>
    public IReadOnlyList<string> Path { get; }

    /// <summary>The subgraph instance the node sits in, or null at the root.</summary>
    public FlatNode? Instance { get; }

    /// <summary>The node class after the frontend's load-time renames.</summary>
    public string ClassType { get; }

    /// <summary>What the node becomes in the prompt.</summary>
    public FlatNodeKind Kind { get; }

    /// <summary>For a group instance, its expansion; for a group child, the expansion it belongs to.</summary>
    public GroupExpansion? Group { get; set; }

    /// <summary>For a group child, its index in the group definition.</summary>
    public int GroupIndex { get; set; } = -1;

    // Its widget values: a run of the conversion's widget store (one list for every node, kept by the thread: a list
    // per node held each value a second time before the prompt copied it).
    private List<PromptInput>? _store;
    private int _widgetStart, _widgetCount;

    /// <summary>True once the node has its widget values (a real node, a primitive); false for one without a list.</summary>
    public bool HasWidgets => _store is not null;

    /// <summary>How many widget values the node has.</summary>
    public int WidgetCount => _widgetCount;

    /// <summary>Its widget values by name, in widget order (filled before links are resolved; read, never kept).</summary>
    public ReadOnlySpan<PromptInput> Widgets => _store is null ? default : CollectionsMarshal.AsSpan(_store).Slice(_widgetStart, _widgetCount);

    /// <summary>Gives the node the values <paramref name="store"/> holds from <paramref name="start"/> on (added last).</summary>
    public void SetWidgets(List<PromptInput> store, int start)
    {
        _store = store;
        _widgetStart = start;
        _widgetCount = store.Count - start;
    }

    /// <summary>
    /// For a node walks pass through (a reroute, a bypassed node), where its run of <see cref="SlotMemo"/>s (one per input
    /// slot) starts in the conversion's <see cref="SlotMemoStore"/>; -1 until a walk needs them.
    /// </summary>
    internal int MemoStart { get; set; } = -1;

    /// <summary>
    /// The definition this node uses among those <paramref name="schemas"/> give its class, chosen once from its saved
    /// widgets (<see cref="SchemaChoice"/>); null when its class has none.
    /// </summary>
    public NodeSchema? SchemaIn(SchemaSet schemas)
    {
        if (!_schemaChosen)
        {
            Facts = SchemaChoice.For(schemas, ClassType, Node) is { } schema ? SchemaWidgetFacts.Of(schema) : null;
            _schemaChosen = true;
        }

        return Facts?.Schema;
    }

    /// <summary>
    /// The facts of the definition <see cref="SchemaIn"/> chose, the definition with them (null before it ran, or with
    /// none): kept instead of the definition alone, so that mapping and writing the node look its facts up once.
    /// </summary>
    public SchemaWidgetFacts? Facts { get; private set; }

    /// <summary>The node mode (2 muted, 4 bypassed).</summary>
    public int Mode => Node.Mode;

    /// <summary>The input slots.</summary>
    public ReadOnlySpan<UiSlotFields> Inputs => Node.InputSlots;

    /// <summary>Sets (or adds) the widget value called <paramref name="name"/>.</summary>
    public bool SetWidget(string name, JsonNode? value)
    {
        var index = IndexOf(name);
        if (index < 0)
        {
            return false;
        }

        CollectionsMarshal.AsSpan(_store)[_widgetStart + index] = PromptInput.Value(name, value);
        return true;
    }

    /// <summary>A copy of the widget value called <paramref name="name"/>, or false when the node has no such widget.</summary>
    public bool TryGetWidget(string name, out JsonNode? value)
    {
        value = null;
        var index = IndexOf(name);
        if (index < 0)
        {
            return false;
        }

        value = Widgets[index].ToNode();
        return true;
    }

    private int IndexOf(string name)
    {
        var widgets = Widgets;
        for (var i = 0; i < widgets.Length; i++)
        {
            if (widgets[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }
}
