using System.Collections.Immutable;
using Loki.Core.Diagnostics;
using Loki.Core.Flows.Interface;

namespace Loki.Core.Flows;

/// <summary>
/// A flow with its signature applied: which inputs the parameters set, which links they replace, which nodes
/// the outputs need (dead branches, markers and replaced save nodes left out), in an order that runs.
/// </summary>
public sealed class FlowPlan
{
    private readonly Dictionary<(string Node, string Input), string> _inputParams;
    private readonly ILookup<string, (string Input, string Param)> _paramsByNode;
    private readonly Dictionary<(string Node, int Slot), FlowValueSource> _replaced;

    private FlowPlan(
        FlowGraph graph,
        FlowInterface flowInterface,
        Dictionary<(string, string), string> inputParams,
        Dictionary<(string, int), FlowValueSource> replaced,
        ImmutableArray<FlowNode> order)
    {
        Graph = graph;
        Interface = flowInterface;
        _inputParams = inputParams;
        _paramsByNode = inputParams.OrderBy(p => p.Key.Item2, StringComparer.Ordinal).ToLookup(p => p.Key.Item1, p => (p.Key.Item2, p.Value), StringComparer.Ordinal);
        _replaced = replaced;
        Order = order;
    }

    /// <summary>The flow.</summary>
    public FlowGraph Graph { get; }

    /// <summary>Its signature.</summary>
    public FlowInterface Interface { get; }

    /// <summary>The nodes the outputs need, in an order where every node comes after the nodes it reads from.</summary>
    public ImmutableArray<FlowNode> Order { get; }

    /// <summary>Builds the plan; a cycle among the needed nodes is reported as LOKI3000 and those nodes left out of <see cref="Order"/>.</summary>
    public static FlowPlan Build(FlowGraph graph, FlowInterface flowInterface, DiagnosticBag diagnostics)
    {
        var inputParams = new Dictionary<(string, string), string>();
        var replaced = new Dictionary<(string, int), FlowValueSource>();
        foreach (var port in flowInterface.Inputs)
        {
            var loader = port.Bindings.FirstOrDefault(b => b.Input is not null && b.Output is not null);
            if (loader is not null && graph.ConsumersOf(loader.NodeId).All(c => c.FromSlot == loader.Output))
            {
                // Only the loaded image is used: the value itself stands in for the loader (a flow node can pass a link).
                loader = null;
            }

            foreach (var b in port.Bindings)
            {
                if (b.Input is not null && b.Output is { } loaderSlot && loader is null)
                {
                    replaced[(b.NodeId, loaderSlot)] = FlowValueSource.Parameter(port.Name);
                }
                else if (b.Input is not null)
                {
                    inputParams[(b.NodeId, b.Input)] = port.Name;
                }
                else if (b.Output is { } slot)
                {
                    replaced[(b.NodeId, slot)] = loader is null
                        ? FlowValueSource.Parameter(port.Name)
                        : FlowValueSource.FromLink(new FlowLink(loader.NodeId, loader.Output!.Value));
                }
            }
        }

        var plan = new FlowPlan(graph, flowInterface, inputParams, replaced, []);
        var live = plan.LiveNodes();
        var order = TopologicalOrder(graph, live, plan, diagnostics);
        return new FlowPlan(graph, flowInterface, inputParams, replaced, order);
    }

    /// <summary>What feeds <paramref name="input"/> of <paramref name="node"/> once parameters are applied.</summary>
    public FlowValueSource Source(FlowNode node, FlowInput input)
    {
        if (_inputParams.TryGetValue((node.Id, input.Name), out var param))
        {
            return FlowValueSource.Parameter(param);
        }

        return input.Link is { } link ? Resolve(link) : FlowValueSource.FromConstant(input.Constant);
    }

    /// <summary>The inputs a node gets: its own, then those only a flow input sets (an unconnected socket).</summary>
    public IEnumerable<(string Name, FlowValueSource Source)> InputsOf(FlowNode node)
    {
        foreach (var input in node.Inputs)
        {
            yield return (input.Name, Source(node, input));
        }

        foreach (var (name, param) in _paramsByNode[node.Id])
        {
            if (node.Input(name) is null)
            {
                yield return (name, FlowValueSource.Parameter(param));
            }
        }
    }

    /// <summary>Follows a link through replaced outputs (markers, loaders) to what really feeds it.</summary>
    public FlowValueSource Resolve(FlowLink link)
    {
        var current = FlowValueSource.FromLink(link);
        for (var hops = 0; hops < 64 && current.Link is { } l && _replaced.TryGetValue((l.NodeId, l.Slot), out var next); hops++)
        {
            current = next;
        }

        return current;
    }

    private HashSet<string> LiveNodes()
    {
        var live = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        foreach (var output in Interface.Outputs)
        {
            if (Resolve(output.Source).Link is { } l && live.Add(l.NodeId))
            {
                queue.Enqueue(l.NodeId);
            }
        }

        while (queue.Count > 0)
        {
            if (Graph.Node(queue.Dequeue()) is not { } node)
            {
                continue;
            }

            foreach (var (_, source) in InputsOf(node))
            {
                if (source.Link is { } l && live.Add(l.NodeId))
                {
                    queue.Enqueue(l.NodeId);
                }
            }
        }

        return live;
    }

    private static ImmutableArray<FlowNode> TopologicalOrder(FlowGraph graph, HashSet<string> live, FlowPlan plan, DiagnosticBag diagnostics)
    {
        var nodes = FlowInterfaceDetector.InIdOrder(graph.Nodes.Where(n => live.Contains(n.Id))).ToList();
        var deps = nodes.ToDictionary(
            n => n.Id,
            n => plan.InputsOf(n).Select(i => i.Source.Link?.NodeId).OfType<string>().Where(live.Contains).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
        var position = nodes.Select((n, i) => (n.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var waiting = nodes.ToDictionary(n => n.Id, n => deps[n.Id].Count, StringComparer.Ordinal);
        var dependents = nodes.SelectMany(n => deps[n.Id].Select(d => (d, n.Id))).ToLookup(p => p.d, p => p.Id, StringComparer.Ordinal);
        // Kahn's algorithm, always taking the first ready node in id order: stable, and close to how people built the graph.
        var ready = new SortedSet<int>(nodes.Where(n => waiting[n.Id] == 0).Select(n => position[n.Id]));
        var order = ImmutableArray.CreateBuilder<FlowNode>();
        while (ready.Count > 0)
        {
            var next = nodes[ready.Min];
            ready.Remove(ready.Min);
            order.Add(next);
            foreach (var dependent in dependents[next.Id])
            {
                if (--waiting[dependent] == 0)
                {
                    ready.Add(position[dependent]);
                }
            }
        }

        if (order.Count < nodes.Count)
        {
            var stuck = nodes.Where(n => waiting[n.Id] > 0).Select(n => n.Id);
            diagnostics.Error(LokiCodes.FlowCycle, $"the flow has a cycle through nodes {string.Join(", ", stuck)}", graph.File);
        }

        return order.ToImmutable();
    }
}

/// <summary>What feeds an input: a flow parameter, a link, or a constant.</summary>
public sealed record FlowValueSource(string? ParameterName, FlowLink? Link, System.Text.Json.Nodes.JsonNode? Constant)
{
    /// <summary>A flow parameter.</summary>
    public static FlowValueSource Parameter(string name) => new(name, null, null);

    /// <summary>A link.</summary>
    public static FlowValueSource FromLink(FlowLink link) => new(null, link, null);

    /// <summary>A constant.</summary>
    public static FlowValueSource FromConstant(System.Text.Json.Nodes.JsonNode? value) => new(null, null, value);
}
