using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Workflows;

namespace Loki.Core.Conversion.UiToApi;

/// <summary>
/// Follows a node input back to the real node output that feeds it, as the frontend's
/// <c>ExecutableNodeDTO.resolveInput</c>/<c>resolveOutput</c> (v1.27.10) do: through reroutes and other virtual
/// nodes by slot, through bypassed nodes by a type-matching input, out of and into subgraphs, and into group nodes.
/// </summary>
internal sealed class LinkResolver
{
    private readonly UiWorkflow _workflow;
    private readonly Dictionary<string, FlatNode> _byId;
    private readonly DiagnosticBag _diagnostics;
    private readonly VisitedSlots _visited = VisitedSlots.ForThread();
    private readonly SlotMemoStore _memos = SlotMemoStore.ForThread();
    private readonly bool _remember;

    // Set by the walk under way: it came back to a side (reported), or it took a remembered answer.
    private bool _looped, _remembered;

    /// <summary>A resolver for one conversion; <paramref name="remember"/> false walks every link in full (see <see cref="RerouteMemo"/>).</summary>
    public LinkResolver(UiWorkflow workflow, Dictionary<string, FlatNode> byId, DiagnosticBag diagnostics, bool remember = true)
    {
        _remember = remember;
        _workflow = workflow;
        _byId = byId;
        _diagnostics = diagnostics;
    }

    /// <summary>How many walks took a remembered answer (tests check that remembering happens at all).</summary>
    public int Remembered { get; private set; }

    /// <summary>Resolves input <paramref name="slot"/> of <paramref name="node"/>; null when nothing feeds it.</summary>
    public ResolvedInput? ResolveInput(FlatNode node, int slot)
    {
        // One set for the resolver, emptied per input: a node side and slot seen twice on one walk is a loop.
        _visited.Clear();
        (_looped, _remembered) = (false, false);
        var result = ResolveInput(node, slot, _visited, null);
        if (!_looped && _remember)
        {
            RerouteMemo.Record(_visited, result, _remembered);
        }

        return result;
    }

    private ResolvedInput? ResolveInput(FlatNode node, int slot, VisitedSlots visited, string? type)
    {
        if (!Enter(visited, node, output: false, slot))
        {
            return null;
        }

        if (node.GroupIndex >= 0)
        {
            return ResolveGroupChildInput(node, slot, visited, type);
        }

        if (slot < 0 || slot >= node.Inputs.Length || node.Graph is null)
        {
            return null;
        }

        var (at, origin) = Feed(node, slot);
        if (at < 0)
        {
            return null;
        }

        ref readonly var link = ref node.Graph.LinkTable[at];
        if (node.Instance is { } instance && link.OriginId == UiGraph.SubgraphInputId)
        {
            var outerIndex = SubgraphSlots.InstanceInput(_workflow, instance, link.OriginSlot);
            if (outerIndex < 0 || instance.Inputs[outerIndex].Link is null)
            {
                // Nothing connected outside: the inner widget keeps the promoted value the instances wrote into it.
                return null;
            }

            return ResolveInput(instance, outerIndex, visited, null);
        }

        return origin is null ? null : ResolveOutput(origin, link.OriginSlot, type ?? node.Inputs[slot].Type, visited);
    }

    // The link into input slot of node (its position in the graph's link table, -1: none) and the flattened node it
    // leaves. A node a walk passes through (a reroute, a bypassed node) is walked again for every input behind it, and the
    // look-up by joined id was most of each step: its answers are kept. A real node's inputs are resolved once each, so
    // theirs are not.
    private (int Link, FlatNode? Origin) Feed(FlatNode node, int slot)
    {
        if (node.Kind != FlatNodeKind.Virtual && node.Mode != 4)
        {
            return Look(node, slot);
        }

        ref var feed = ref _memos.At(node, slot, node.Inputs.Length);
        if (!feed.FeedKnown)
        {
            (feed.Link, feed.Origin) = Look(node, slot);
            feed.FeedKnown = true;
        }

        return (feed.Link, feed.Origin);
    }

    private (int Link, FlatNode? Origin) Look(FlatNode node, int slot)
    {
        var links = node.Graph!.LinkTable;
        if (node.Inputs[slot].Link is not { } id || links.Find(id) is not (>= 0 and var at))
        {
            return (-1, null);
        }

        FlatNode? origin = null;
        ref readonly var link = ref links[at];
        if (!(node.Instance is not null && link.OriginId == UiGraph.SubgraphInputId))
        {
            _byId.TryGetValue(GraphFlattener.Join(node.Path, link.OriginId), out origin);
        }

        return (at, origin);
    }

    private ResolvedInput? ResolveOutput(FlatNode node, int slot, string type, VisitedSlots visited)
    {
        if (_remember && RerouteMemo.IsPure(node) && RerouteMemo.TryGet(node, slot, out var remembered))
        {
            _remembered = true;
            Remembered++;
            return remembered;
        }

        if (!Enter(visited, node, output: true, slot))
        {
            return null;
        }

        if (node.Kind == FlatNodeKind.Group)
        {
            return ResolveGroupOutput(node, slot, type, visited);
        }

        if (node.Mode == 4)
        {
            var index = BypassSlot(node, slot, type);
            if (index < 0)
            {
                _diagnostics.Warning(LokiCodes.ConvertBypassNoMatch, $"bypassed node {node.Id} has no input of type '{type}' to pass on; the input it fed is left out", _workflow.File, node.Node.JsonPath);
                return null;
            }

            return ResolveInput(node, index, visited, null);
        }

        if (node.Kind == FlatNodeKind.Subgraph)
        {
            var definition = _workflow.Subgraphs[node.ClassType];
            var at = SubgraphSlots.OutputLink(definition, slot);
            if (at < 0 || !_byId.TryGetValue(GraphFlattener.Join([.. node.Path, node.Node.Id], definition.LinkTable[at].OriginId), out var origin))
            {
                _diagnostics.Warning(LokiCodes.ConvertUnresolvedLink, $"output {slot} of subgraph instance {node.Id} is not connected inside '{definition.Name ?? node.ClassType}'; the input it feeds is left out", _workflow.File, node.Node.JsonPath);
                return null;
            }

            return ResolveOutput(origin, definition.LinkTable[at].OriginSlot, type, visited);
        }

        if (node.Kind == FlatNodeKind.Virtual)
        {
            return slot < node.Inputs.Length ? ResolveInput(node, slot, visited, type) : null;
        }

        return new ResolvedInput(node.Id, slot);
    }

    private static int BypassSlot(FlatNode node, int slot, string type)
    {
        var inputs = node.Inputs;
        if (type is "*" or "")
        {
            return inputs.Length > slot ? slot : 0;
        }

        var outputType = slot < node.Node.Outputs.Count ? node.Node.Outputs[slot].Type : string.Empty;
        if (slot < inputs.Length && SlotTypes.IsValidConnection(inputs[slot].Type, outputType) && SlotTypes.IsValidConnection(inputs[slot].Type, type))
        {
            return slot;
        }

        for (var i = 0; i < inputs.Length; i++)
        {
            if (inputs[i].Type == type)
            {
                return i;
            }
        }

        for (var i = 0; i < inputs.Length; i++)
        {
            if (SlotTypes.IsValidConnection(inputs[i].Type, outputType) && SlotTypes.IsValidConnection(inputs[i].Type, type))
            {
                return i;
            }
        }

        return -1;
    }

    private ResolvedInput? ResolveGroupChildInput(FlatNode child, int slot, VisitedSlots visited, string? type)
    {
        // 1.27.10 takes the first node behind a group input as is and so loses links that pass a Reroute (a known
        // frontend bug, which the older frontends that made the oracle prompts did not have): follow links fully.
        var group = child.Group!;
        var inputType = type ?? (slot < child.Inputs.Length ? child.Inputs[slot].Type : string.Empty);
        if (group.InputMap.TryGetValue((child.GroupIndex, slot), out var external))
        {
            return external < group.Instance.Inputs.Length ? ResolveInput(group.Instance, external, visited, type) : null;
        }

        if (!group.LinksTo.TryGetValue((child.GroupIndex, slot), out var origin) || origin.Index >= group.Children.Count)
        {
            return null;
        }

        var source = group.Children[origin.Index];
        return source.ClassType == "PrimitiveNode" ? null : ResolveOutput(source, origin.Slot, inputType, visited);
    }

    private ResolvedInput? ResolveGroupOutput(FlatNode node, int slot, string type, VisitedSlots visited)
    {
        if (node.Mode == 4)
        {
            var candidates = new List<int> { slot };
            candidates.AddRange(Enumerable.Range(0, node.Inputs.Length));
            foreach (var i in candidates)
            {
                if (i < node.Inputs.Length && node.Inputs[i].Type == type)
                {
                    return ResolveInput(node, i, visited, null);
                }
            }

            return null;
        }

        var group = node.Group!;
        if (slot < 0 || slot >= group.OutputMap.Count)
        {
            return null;
        }

        var (index, originSlot) = group.OutputMap[slot];
        return index < group.Children.Count ? ResolveOutput(group.Children[index], originSlot, type, visited) : null;
    }

    private bool Enter(VisitedSlots visited, FlatNode node, bool output, int slot)
    {
        if (visited.Add(node, output, slot))
        {
            return true;
        }

        _looped = true;
        _diagnostics.Error(LokiCodes.ConvertCycle, $"links loop back through node {node.Id} (slot {slot}); the graph cannot run", _workflow.File, node.Node.JsonPath);
        return false;
    }
}
