using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Schemas;
using Loki.Core.Workflows;

namespace Loki.Core.Conversion.UiToApi;

/// <summary>
/// Flattens a UI workflow into <see cref="FlatNode"/>s the way <c>graphToPrompt</c> builds its DTO map: subgraph
/// instances open into <c>instance:inner</c> nodes (nested too), group nodes into <c>group:index</c> nodes, each
/// instance listed after its inner nodes.
/// </summary>
internal sealed partial class GraphFlattener
{
    private readonly UiWorkflow _workflow;
    private readonly SchemaSet _schemas;
    private readonly DiagnosticBag _diagnostics;

    public GraphFlattener(UiWorkflow workflow, SchemaSet schemas, DiagnosticBag diagnostics)
    {
        _workflow = workflow;
        _schemas = schemas;
        _diagnostics = diagnostics;

        // The thread's tables, sized for the root graph at least (subgraph and group nodes add to it), so that they
        // rarely grow; emptied by Release (a conversion made both anew: a tenth of what converting a large graph
        // allocated, for tables it drops at its end).
        var count = workflow.Root.Nodes.Count;
        Nodes = _nodes ??= new List<FlatNode>(count);
        ById = _byId ??= new Dictionary<string, FlatNode>(count, StringComparer.Ordinal);
        Nodes.EnsureCapacity(count);
        ById.EnsureCapacity(count);
    }

    [ThreadStatic]
    private static List<FlatNode>? _nodes;

    [ThreadStatic]
    private static Dictionary<string, FlatNode>? _byId;

    /// <summary>Empties the thread's tables and link memos once the conversion is done with them (they point into its workflow).</summary>
    public void Release()
    {
        Nodes.Clear();
        ById.Clear();
        SlotMemoStore.ForThread().Clear();
        if (ById.EnsureCapacity(0) > 1 << 16)
        {
            // A rare huge workflow does not pin its tables for the thread's life.
            (_nodes, _byId) = (null, null);
        }
    }

    /// <summary>Flattened nodes in DTO order.</summary>
    public List<FlatNode> Nodes { get; }

    /// <summary>Flattened nodes by execution id.</summary>
    public Dictionary<string, FlatNode> ById { get; }

    /// <summary>Joins an instance path and a node id into an execution id.</summary>
    public static string Join(IReadOnlyList<string> path, string id) => path.Count == 0 ? id : string.Join(':', path) + ":" + id;

    /// <summary>Flattens the whole workflow.</summary>
    public void Run() => AddGraph(_workflow.Root, [], null, new HashSet<string>(StringComparer.Ordinal));

    private void AddGraph(UiGraph graph, IReadOnlyList<string> path, FlatNode? instance, HashSet<string> open)
    {
        var ordered = InExecutionOrder(graph.Nodes);
        try
        {
            AddNodes(graph, ordered, path, instance, open);
        }
        finally
        {
            System.Buffers.ArrayPool<(long Order, int Index)>.Shared.Return(ordered);
        }
    }

    private void AddNodes(UiGraph graph, (long Order, int Index)[] ordered, IReadOnlyList<string> path, FlatNode? instance, HashSet<string> open)
    {
        for (var n = 0; n < graph.Nodes.Count; n++)
        {
            var node = graph.Nodes[ordered[n].Index];
            var classType = VirtualNodes.Rename(node.Type);
            var kind = Classify(classType, node);
            var flat = new FlatNode(Join(path, node.Id), node, path, instance, classType, kind);
            if (kind == FlatNodeKind.Subgraph)
            {
                var definition = _workflow.Subgraphs[classType];
                if (!open.Add(classType))
                {
                    _diagnostics.Error(LokiCodes.ConvertCycle, $"subgraph '{definition.Name ?? classType}' contains itself", _workflow.File, node.JsonPath + ".type");
                    continue;
                }

                AddGraph(definition, [.. path, node.Id], flat, open);
                open.Remove(classType);
            }
            else if (kind == FlatNodeKind.Group)
            {
                ExpandGroup(flat);
            }

            Add(flat);
        }
    }

    // By saved order, then by position (the keys are distinct, so the sort is stable); rented, as graphs nest. The frontend
    // saves each node's place in its execution order, so the orders are nearly always distinct and small: below the node
    // count, or a little above it once nodes were deleted or left out of a copy. Then each key goes to the slot of its
    // order and the slots are read in order (the order a sort gives, which was a tenth of converting a large graph);
    // anything else (a repeated, negative, missing or far larger order) is sorted.
    private static (long Order, int Index)[] InExecutionOrder(IReadOnlyList<UiNode> nodes)
    {
        var count = nodes.Count;
        var keys = System.Buffers.ArrayPool<(long Order, int Index)>.Shared.Rent(count);
        if (PlaceByOrder(nodes, keys))
        {
            return keys;
        }

        for (var i = 0; i < count; i++)
        {
            keys[i] = (nodes[i].Order ?? long.MaxValue, i);
        }

        Array.Sort(keys, 0, count);
        return keys;
    }

    // Fills keys[..count] in order when every order is distinct and below twice the count (plus a little); false otherwise.
    private static bool PlaceByOrder(IReadOnlyList<UiNode> nodes, (long Order, int Index)[] keys)
    {
        var count = nodes.Count;
        var slots = System.Buffers.ArrayPool<int>.Shared.Rent((2 * count) + 16);
        try
        {
            var span = slots.AsSpan(0, (2 * count) + 16);
            span.Fill(-1);
            for (var i = 0; i < count; i++)
            {
                if (nodes[i].Order is not { } order || order < 0 || order >= span.Length || span[(int)order] >= 0)
                {
                    return false;
                }

                span[(int)order] = i;
            }

            var at = 0;
            for (var order = 0; order < span.Length; order++)
            {
                if (span[order] >= 0)
                {
                    keys[at++] = (order, span[order]);
                }
            }

            return true;
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(slots);
        }
    }

    private void Add(FlatNode flat)
    {
        if (ById.TryAdd(flat.Id, flat))
        {
            Nodes.Add(flat);
        }
    }

    private FlatNodeKind Classify(string type, UiNode node)
    {
        if (_workflow.Subgraphs.ContainsKey(type))
        {
            return FlatNodeKind.Subgraph;
        }

        if (GroupName(type) is { } group)
        {
            if (_workflow.GroupNodes?[group] is JsonObject)
            {
                return FlatNodeKind.Group;
            }

            if (!_schemas.Contains(type))
            {
                _diagnostics.Error(LokiCodes.WorkflowMissingGroupNode, $"group node '{group}' is not defined in extra.groupNodes", _workflow.File, node.JsonPath + ".type");
            }
        }

        if (type.Length == 36 && SubgraphId().IsMatch(type) && !_schemas.Contains(type))
        {
            _diagnostics.Error(LokiCodes.WorkflowMissingSubgraph, $"node {node.Id} is an instance of subgraph '{type}', which definitions.subgraphs does not hold", _workflow.File, node.JsonPath + ".type");
        }

        return VirtualNodes.Contains(type) ? FlatNodeKind.Virtual : FlatNodeKind.Real;
    }

    // A subgraph id is a 36-character UUID (the length is checked first: nearly every type is a class name).
    [System.Text.RegularExpressions.GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial System.Text.RegularExpressions.Regex SubgraphId();

    private static string? GroupName(string type) =>
        type.StartsWith("workflow>", StringComparison.Ordinal) || type.StartsWith("workflow/", StringComparison.Ordinal) ? type[9..] : null;

    private void ExpandGroup(FlatNode instance)
    {
        var definition = (JsonObject)_workflow.GroupNodes![GroupName(instance.ClassType)!]!;
        var expansion = new GroupExpansion(instance, definition);
        instance.Group = expansion;
        var nodes = definition["nodes"] as JsonArray ?? [];
        var path = JsonPathText.Key("$.extra.groupNodes", GroupName(instance.ClassType)!) + ".nodes";
        for (var i = 0; i < nodes.Count; i++)
        {
            var raw = nodes[i] as JsonObject ?? new JsonObject();
            var inner = new UiNode(raw, $"{instance.Id}:{i}", JsonPathText.Index(path, i));
            var classType = VirtualNodes.Rename(inner.Type);
            var kind = VirtualNodes.Contains(classType) ? FlatNodeKind.Virtual : FlatNodeKind.Real;
            var child = new FlatNode(inner.Id, inner, instance.Path, instance.Instance, classType, kind)
            {
                Group = expansion,
                GroupIndex = i,
            };
            expansion.Children.Add(child);
        }

        GroupNodeLayout.Build(expansion, _schemas);
        foreach (var child in expansion.Children)
        {
            Add(child);
        }
    }
}
