using Loki.Core.Workflows;

namespace Loki.Core.Conversion.UiToApi;

/// <summary>How <see cref="LinkResolver"/> crosses a subgraph instance's edge: an instance input for a definition input, the inner link for an output.</summary>
internal static class SubgraphSlots
{
    /// <summary>
    /// The instance input that subgraph input <paramref name="slot"/> maps to, or -1. The frontend rebuilds instance
    /// inputs from the definition and keeps a saved link only on the input of the same name, so a definition input the
    /// saved instance lacks is unconnected (its inner widget value is sent), never the saved input at its position
    /// (1.27.10 on video_wan2_2_14B_s2v: a seed input added to the definition must not take the steps link).
    /// </summary>
    public static int InstanceInput(UiWorkflow workflow, FlatNode instance, int slot)
    {
        var definition = workflow.Subgraphs[instance.ClassType];
        if (slot < 0 || slot >= definition.SubgraphInputs.Count)
        {
            return -1;
        }

        var name = definition.SubgraphInputs[slot].Name;
        for (var i = 0; i < instance.Inputs.Length; i++)
        {
            if (instance.Inputs[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The position in <paramref name="definition"/>'s link table of the link that leaves subgraph output
    /// <paramref name="slot"/> inside it: the output's first <c>linkIds</c> entry, else the link into the output node's
    /// slot with the smallest id; -1 when there is none.
    /// </summary>
    public static int OutputLink(UiGraph definition, int slot)
    {
        var links = definition.LinkTable;
        if (slot >= 0 && slot < definition.SubgraphOutputs.Count && definition.FirstOutputLinkId(slot) is { } first && links.Find(first) is >= 0 and var at)
        {
            return at;
        }

        var best = -1;
        for (var i = 0; i < links.Count; i++)
        {
            ref readonly var link = ref links[i];
            if (link.TargetId == UiGraph.SubgraphOutputId && link.TargetSlot == slot && (best < 0 || link.Id < links[best].Id))
            {
                best = i;
            }
        }

        return best;
    }
}
