using System.Text.Json.Nodes;
using Loki.Core.Schemas;
using Loki.Core.Workflows;

namespace Loki.Core.Conversion.UiToApi;

/// <summary>
/// A PrimitiveNode's value pushed into the widgets its output feeds, as the frontend's <c>applyToGraph</c> does before
/// it queues (each through the widget's own callback: a rounded FLOAT, a clamped INT).
/// </summary>
internal static class PrimitiveValues
{
    /// <summary>
    /// Pushes <paramref name="primitive"/>'s value into the widgets of the nodes <paramref name="byId"/> holds that its
    /// slot 0 feeds; <paramref name="fill"/> fills <c>%Node.widget%</c> patterns when the node asks for it.
    /// </summary>
    public static void Push(FlatNode primitive, Dictionary<string, FlatNode> byId, SchemaSet schemas, Func<string, string> fill)
    {
        if (primitive.Graph is null || !primitive.TryGetWidget("value", out var value))
        {
            return;
        }

        // "Run widget replace on values": the frontend fills %Node.widget% patterns before pushing the value.
        if (JsonRead.Bool(primitive.Node.Properties?["Run widget replace on values"]) == true && JsonRead.String(value) is { Length: > 0 } text)
        {
            value = JsonValue.Create(fill(text));
        }

        // The links out of its slot 0, by id (the order the links' id table gave).
        List<UiLinkFields>? links = null;
        foreach (ref readonly var l in primitive.Graph.LinkTable.Items)
        {
            if (l.OriginId == primitive.Node.Id && l.OriginSlot == 0)
            {
                (links ??= []).Add(l);
            }
        }

        links?.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        foreach (var link in links ?? [])
        {
            if (!byId.TryGetValue(GraphFlattener.Join(primitive.Path, link.TargetId), out var target))
            {
                continue;
            }

            if (UiSlotFields.WidgetFedBy(target.Inputs, link) is { } name)
            {
                var spec = target.SchemaIn(schemas)?.Input(name);
                target.SetWidget(name, spec is null ? value?.DeepClone() : WidgetCallbacks.Apply(spec, value?.DeepClone()));
            }
        }
    }
}
