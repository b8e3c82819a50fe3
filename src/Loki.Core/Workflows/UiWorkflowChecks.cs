using Loki.Core.Diagnostics;

namespace Loki.Core.Workflows;

/// <summary>The structural checks a UI graph must pass before it is converted.</summary>
internal static class UiWorkflowChecks
{
    /// <summary>Reports duplicate node ids and links that enter or leave a node the graph does not hold.</summary>
    public static void Check(UiGraph graph, UiWorkflow workflow, DiagnosticBag diagnostics)
    {
        // The graph noted the repeated ids while it indexed its nodes.
        if (graph.RepeatedIds is { } repeated)
        {
            foreach (var node in repeated)
            {
                diagnostics.Error(LokiCodes.WorkflowDuplicateNodeId, $"node id {node.Id} is used by more than one node", workflow.File, node.JsonPath + ".id");
            }
        }

        // By index: a foreach over the read-only list would box an enumerator per graph.
        var nodes = graph.Nodes;
        for (var n = 0; n < nodes.Count; n++)
        {
            var node = nodes[n];
            var inputs = node.InputSlots;
            for (var i = 0; i < inputs.Length; i++)
            {
                if (inputs[i].Link is not { } linkId)
                {
                    continue;
                }

                var position = graph.LinkTable.Find(linkId);
                if (position < 0)
                {
                    // The frontend drops such dangling references on load; report them without rejecting the file.
                    var at = JsonPathText.Index(node.JsonPath + ".inputs", i) + ".link";
                    diagnostics.Warning(LokiCodes.WorkflowMissingLink, $"input '{inputs[i].Name}' of node {node.Id} names link {linkId}, which the graph does not hold; it is treated as unconnected", workflow.File, at);
                    continue;
                }

                var origin = graph.LinkTable[position].OriginId;
                if (!Exists(graph, origin, origin: true))
                {
                    diagnostics.Error(LokiCodes.WorkflowLinkToMissingNode, $"link {linkId} into node {node.Id} comes from node {origin}, which the graph does not hold", workflow.File, graph.LinkTable.PathOf(position));
                }
            }
        }
    }

    private static bool Exists(UiGraph graph, string id, bool origin) =>
        graph.Node(id) is not null || (graph.IsSubgraph && id == (origin ? UiGraph.SubgraphInputId : UiGraph.SubgraphOutputId));
}
