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

        // The links out of its slot 0, by id (the order the links' id table gave). A table nearly always lists them in
        // id order already: then their positions are walked as they are (a primitive feeding a hundred widgets grew a
        // list of link copies each conversion); otherwise the copies are sorted as before.
        var table = primitive.Graph.LinkTable;
        var positions = System.Buffers.ArrayPool<int>.Shared.Rent(Math.Max(table.Count, 1));
        try
        {
            var (found, ordered) = (0, true);
            for (var i = 0; i < table.Count; i++)
            {
                ref readonly var l = ref table[i];
                if (l.OriginId == primitive.Node.Id && l.OriginSlot == 0)
                {
                    ordered &= found == 0 || table[positions[found - 1]].Id < l.Id;
                    positions[found++] = i;
                }
            }

            if (ordered)
            {
                foreach (var at in positions.AsSpan(0, found))
                {
                    PushInto(primitive, in table[at], value, byId, schemas);
                }

                return;
            }

            var links = new List<UiLinkFields>(found);
            foreach (var at in positions.AsSpan(0, found))
            {
                links.Add(table[at]);
            }

            links.Sort(static (a, b) => a.Id.CompareTo(b.Id));
            foreach (var link in links)
            {
                PushInto(primitive, in link, value, byId, schemas);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(positions);
        }
    }

    private static void PushInto(FlatNode primitive, in UiLinkFields link, JsonNode? value, Dictionary<string, FlatNode> byId, SchemaSet schemas)
    {
        if (!byId.TryGetValue(GraphFlattener.Join(primitive.Path, link.TargetId), out var target))
        {
            return;
        }

        if (UiSlotFields.WidgetFedBy(target.Inputs, link) is { } name)
        {
            var spec = target.SchemaIn(schemas)?.Input(name);
            target.SetWidget(name, spec is null ? value?.DeepClone() : WidgetCallbacks.Apply(spec, value?.DeepClone()));
        }
    }
}
