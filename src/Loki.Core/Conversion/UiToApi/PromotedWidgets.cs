using System.Text.Json.Nodes;
using Loki.Core.Workflows;

namespace Loki.Core.Conversion.UiToApi;

/// <summary>
/// Promoted subgraph widgets as 1.27.10 serialises them: an instance's <c>widgets_values</c> belong, in order, to the
/// definition inputs that feed an inner widget, and serialising the instance writes each value into those inner
/// widgets. The inner nodes are shared by every instance of one definition, so the last instance written wins.
/// </summary>
internal static class PromotedWidgets
{
    /// <summary>Writes the promoted values of every instance into the inner nodes.</summary>
    public static void Apply(UiWorkflow workflow, IReadOnlyList<FlatNode> nodes)
    {
        Dictionary<(string Definition, string Node, string Widget), JsonNode?>? shared = null;
        foreach (var instance in nodes)
        {
            if (instance.Kind != FlatNodeKind.Subgraph)
            {
                continue;
            }

            var definition = workflow.Subgraphs[instance.ClassType];
            var values = instance.Node.WidgetValues;
            var promoted = 0;
            for (var k = 0; k < definition.SubgraphInputs.Count; k++)
            {
                var targets = WidgetTargets(definition, k).ToList();
                if (targets.Count == 0)
                {
                    continue;
                }

                if (values is not null && promoted < values.Count)
                {
                    foreach (var (node, widget) in targets)
                    {
                        (shared ??= [])[(instance.ClassType, node, widget)] = values[promoted];
                    }
                }

                promoted++;
            }
        }

        if (shared is null)
        {
            return; // no instance promotes a value
        }

        foreach (var node in nodes)
        {
            if (node.Instance is not { } instance || !node.HasWidgets)
            {
                continue;
            }

            // Setting a widget replaces it in place: the values can be walked while one is set.
            for (var i = 0; i < node.WidgetCount; i++)
            {
                var name = node.Widgets[i].Name;
                if (shared.TryGetValue((instance.ClassType, node.Node.Id, name), out var value))
                {
                    node.SetWidget(name, value?.DeepClone());
                }
            }
        }
    }

    private static IEnumerable<(string Node, string Widget)> WidgetTargets(UiGraph definition, int slot)
    {
        var links = definition.LinkTable;
        for (var i = 0; i < links.Count; i++)
        {
            var link = links[i];
            if (link.OriginId != UiGraph.SubgraphInputId || link.OriginSlot != slot || definition.Node(link.TargetId) is not { } target)
            {
                continue;
            }

            if (UiSlotFields.WidgetFedBy(target.InputSlots, link) is { } widget)
            {
                yield return (target.Id, widget);
            }
        }
    }
}
