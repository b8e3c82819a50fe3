using Loki.Core.Diagnostics;
using Loki.Core.Workflows;

namespace Loki.Core.Conversion.UiToApi;

/// <summary>
/// The Preset Text node of pysssss' Custom Scripts exists only in the browser (<c>isVirtualNode</c>): graphToPrompt never
/// sends it, and before queueing its <c>applyToGraph</c> copies the text of the preset its combo names, kept in the
/// browser's local storage, into the widget of every input it feeds. Without links it changes nothing, so it is left out
/// as the frontend leaves it out. With links the text those inputs get is not in the workflow (the file holds the
/// preset's name only), so no faithful prompt can be made: that is an error naming the node and the preset, instead of
/// sending the inputs' own saved values as if nothing fed them.
/// </summary>
internal static class PresetTextNodes
{
    /// <summary>True for the Preset Text node's class names.</summary>
    public static bool Is(string classType) => classType is "PresetText" or "PresetText|pysssss";

    /// <summary>Reports <paramref name="node"/> (a Preset Text node) when a link leaves it.</summary>
    public static void Check(FlatNode node, DiagnosticBag diagnostics, string file)
    {
        if (!Feeds(node))
        {
            return;
        }

        var preset = node.Node.WidgetValues is [var first, ..] && JsonRead.String(first) is { } name ? $"'{name}'" : "(none saved)";
        diagnostics.Error(LokiCodes.ConvertBrowserPreset, $"node {node.Id} is a Preset Text node (pysssss Custom Scripts), which exists only in the browser: the inputs it feeds get the text of the browser's preset {preset}, which the workflow does not record; replace it with a Primitive or a text node holding that text", file, node.Node.JsonPath);
    }

    // A link out of the node: in its graph's link table, or, for a group node's inner node, in the group's inner links.
    private static bool Feeds(FlatNode node)
    {
        if (node.Graph is { } graph)
        {
            foreach (ref readonly var link in graph.LinkTable.Items)
            {
                if (link.OriginId == node.Node.Id)
                {
                    return true;
                }
            }

            return false;
        }

        if (node.Group is not { } group)
        {
            return false;
        }

        return group.LinksFrom.Keys.Any(k => k.Index == node.GroupIndex) || group.OutputMap.Any(o => o.Index == node.GroupIndex);
    }
}
