using System.Collections.Immutable;

namespace Loki.Core.Flows;

/// <summary>
/// A flow as LOKI reasons about it: the API form of the workflow (what ComfyUI would run) plus the hints from the
/// UI form that declare or suggest its signature (App Mode inputs and outputs, the subgraph it wraps).
/// </summary>
/// <param name="File">The file it was read from (for diagnostics).</param>
/// <param name="Nodes">Nodes in prompt order.</param>
/// <param name="AppMode">App Mode's <c>extra.linearData</c>, when the workflow has it.</param>
/// <param name="Subgraph">The I/O of the one subgraph instance the workflow consists of, when it is one.</param>
public sealed record FlowGraph(
    string File,
    ImmutableArray<FlowNode> Nodes,
    AppModeData? AppMode = null,
    SubgraphIo? Subgraph = null)
{
    private ImmutableDictionary<string, FlowNode>? _byId;

    /// <summary>The legacy <c>PrimitiveNode</c>s of the UI form and the widgets they feed (empty without a UI form).</summary>
    public ImmutableArray<LegacyPrimitive> Primitives { get; init; } = [];
    private ImmutableDictionary<string, ImmutableArray<FlowConsumer>>? _consumers;
    private ILookup<string, FlowConsumer>? _consumersByNode;

    /// <summary>The node with id <paramref name="id"/>, or null.</summary>
    public FlowNode? Node(string id) => ById.GetValueOrDefault(id);

    /// <summary>Every input (node, input name) that a link from (<paramref name="nodeId"/>, <paramref name="slot"/>) feeds.</summary>
    public ImmutableArray<FlowConsumer> ConsumersOf(string nodeId, int slot) =>
        Consumers.GetValueOrDefault(nodeId + "\n" + slot, []);

    /// <summary>Every input that any output of <paramref name="nodeId"/> feeds.</summary>
    public IEnumerable<FlowConsumer> ConsumersOf(string nodeId) =>
        (_consumersByNode ??= Nodes.SelectMany(n => n.Inputs.Where(i => i.Link is not null).Select(i => (Source: i.Link!.NodeId, Consumer: new FlowConsumer(n.Id, i.Name, i.Link.Slot))))
            .ToLookup(x => x.Source, x => x.Consumer, StringComparer.Ordinal))[nodeId];

    private ImmutableDictionary<string, FlowNode> ById =>
        _byId ??= Nodes.GroupBy(n => n.Id, StringComparer.Ordinal).ToImmutableDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    private ImmutableDictionary<string, ImmutableArray<FlowConsumer>> Consumers => _consumers ??= Nodes
        .SelectMany(n => n.Inputs.Where(i => i.Link is not null).Select(i => (Key: i.Link!.NodeId + "\n" + i.Link.Slot, Consumer: new FlowConsumer(n.Id, i.Name, i.Link.Slot))))
        .GroupBy(x => x.Key, StringComparer.Ordinal)
        .ToImmutableDictionary(g => g.Key, g => g.Select(x => x.Consumer).ToImmutableArray(), StringComparer.Ordinal);
}

/// <summary>An input fed by a link: node <paramref name="NodeId"/>'s input <paramref name="Input"/>, from output <paramref name="FromSlot"/>.</summary>
public sealed record FlowConsumer(string NodeId, string Input, int FromSlot);

/// <summary>App Mode's declaration of a workflow's inputs (node id + widget) and outputs (node ids).</summary>
public sealed record AppModeData(ImmutableArray<(string NodeId, string Widget)> Inputs, ImmutableArray<string> Outputs);

/// <summary>The inputs and outputs of a subgraph definition, resolved to nodes of the flattened prompt.</summary>
/// <param name="Name">The definition's name.</param>
/// <param name="Inputs">Each subgraph input: its name, type, and the inner (node, input) pairs it feeds.</param>
/// <param name="Outputs">Each subgraph output: its name, type, and the inner link it comes from (null when unconnected).</param>
public sealed record SubgraphIo(
    string Name,
    ImmutableArray<(string Name, string Type, ImmutableArray<(string NodeId, string Input)> Targets)> Inputs,
    ImmutableArray<(string Name, string Type, FlowLink? Source)> Outputs);
