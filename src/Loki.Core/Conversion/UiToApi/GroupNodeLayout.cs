using System.Text.Json;
using System.Text.Json.Nodes;
using Loki.Core.Schemas;
using Loki.Core.Workflows;

namespace Loki.Core.Conversion.UiToApi;

/// <summary>
/// Rebuilds what the frontend's <c>GroupNodeConfig</c> derives from a group definition: inner links, which instance
/// inputs and outputs map to which inner slots, and which instance widget feeds which inner widget.
/// </summary>
internal static class GroupNodeLayout
{
    /// <summary>Fills the link and slot maps of <paramref name="group"/>.</summary>
    public static void Build(GroupExpansion group, SchemaSet schemas)
    {
        if (group.Definition["links"] is JsonArray links)
        {
            foreach (var item in links)
            {
                if (item is not JsonArray l || l.Count < 4 || JsonRead.Long(l[0]) is not { } oi || JsonRead.Long(l[1]) is not { } os
                    || JsonRead.Long(l[2]) is not { } ti || JsonRead.Long(l[3]) is not { } ts)
                {
                    continue;
                }

                group.LinksTo[((int)ti, (int)ts)] = ((int)oi, (int)os);
                if (!group.LinksFrom.TryGetValue(((int)oi, (int)os), out var list))
                {
                    group.LinksFrom[((int)oi, (int)os)] = list = [];
                }

                list.Add(((int)ti, (int)ts));
            }
        }

        if (group.Definition["external"] is JsonArray external)
        {
            foreach (var item in external)
            {
                if (item is JsonArray e && e.Count >= 2 && JsonRead.Long(e[0]) is { } i && JsonRead.Long(e[1]) is { } s)
                {
                    group.External.Add(((int)i, (int)s));
                }
            }
        }

        MapInputs(group, schemas);
        MapOutputs(group, schemas);
    }

    /// <summary>
    /// Distributes the instance's <c>widgets_values</c> over the inner nodes' widgets (group widget order: each inner
    /// node's own widgets, then the widgets that were converted to inputs and are not fed inside the group).
    /// </summary>
    public static void ApplyInstanceWidgets(GroupExpansion group, SchemaSet schemas)
    {
        if (group.Instance.Node.WidgetValues is not { } values)
        {
            return;
        }

        var order = new List<(FlatNode Child, InputSpec Input, int Controls)>();
        var converted = new List<(FlatNode Child, InputSpec Input, int Controls)>();
        foreach (var child in group.Children)
        {
            if (child.SchemaIn(schemas) is not { } schema || child.Kind != FlatNodeKind.Real)
            {
                continue;
            }

            var plain = SocketOnlyInputs(child, schema).Count;
            var convertedIndex = 0;
            foreach (var input in schema.Inputs.Where(i => i.HasWidget))
            {
                // GroupNodeConfig.getInputConfig turns control on for any inner input named seed or noise_seed.
                var controls = input.Name is "seed" or "noise_seed" ? InputSpec.ControlsOf(input.WidgetType) : input.ControlWidgetCount;
                var isConverted = HasConvertedSlot(child, input.Name);
                if (!isConverted)
                {
                    order.Add((child, input, controls));
                    continue;
                }

                if (!group.LinksTo.ContainsKey((child.GroupIndex, plain + convertedIndex)))
                {
                    converted.Add((child, input, controls));
                }

                convertedIndex++;
            }
        }

        order.AddRange(converted);
        var at = 0;
        foreach (var (child, input, controls) in order)
        {
            if (at >= values.Count)
            {
                break;
            }

            child.SetWidget(input.Name, values[at]?.DeepClone());
            at++;
            for (var c = 0; c < controls && at < values.Count; c++)
            {
                if (values[at] is null || values[at]!.GetValueKind() is JsonValueKind.String or JsonValueKind.True or JsonValueKind.False)
                {
                    at++;
                }
            }
        }
    }

    private static List<string> SocketOnlyInputs(FlatNode child, NodeSchema? schema) =>
        schema is not null ? schema.Inputs.Where(i => !i.HasWidget).Select(i => i.Name).ToList() : SlotNames(child, socketsOnly: true);

    // The child's input slots are a span (the loader's fields): walked in place, not copied into an array for LINQ.
    private static List<string> SlotNames(FlatNode child, bool socketsOnly)
    {
        var names = new List<string>(child.Inputs.Length);
        foreach (ref readonly var slot in child.Inputs)
        {
            if (!socketsOnly || slot.WidgetName is null)
            {
                names.Add(slot.Name);
            }
        }

        return names;
    }

    // True when the child has an input slot that is its widget of that name, converted to a socket.
    private static bool HasConvertedSlot(FlatNode child, string name)
    {
        foreach (ref readonly var slot in child.Inputs)
        {
            if (slot.Name == name && slot.WidgetName == name)
            {
                return true;
            }
        }

        return false;
    }

    // How many of the child's slots are converted widgets its definition knows as widgets.
    private static int ConvertedCount(FlatNode child, NodeSchema schema)
    {
        var count = 0;
        foreach (ref readonly var slot in child.Inputs)
        {
            if (slot.WidgetName is not null && slot.WidgetName == slot.Name && schema.Input(slot.Name)?.HasWidget == true)
            {
                count++;
            }
        }

        return count;
    }

    private static void MapInputs(GroupExpansion group, SchemaSet schemas)
    {
        var next = 0;
        var deferred = new List<(int Index, int Slot)>();
        foreach (var child in group.Children)
        {
            var i = child.GroupIndex;
            var schema = child.SchemaIn(schemas);
            var slots = child.Kind == FlatNodeKind.Real ? SocketOnlyInputs(child, schema) : SlotNames(child, socketsOnly: false);
            var inputConfig = group.Config(i)?["input"] as JsonObject;
            for (var s = 0; s < slots.Count; s++)
            {
                if (group.LinksTo.ContainsKey((i, s)))
                {
                    continue;
                }

                if ((inputConfig?[slots[s]] as JsonObject)?["visible"] is JsonValue v && v.TryGetValue(out bool visible) && !visible)
                {
                    continue;
                }

                group.InputMap[(i, s)] = next++;
            }

            if (schema is null)
            {
                continue;
            }

            var convertedCount = ConvertedCount(child, schema);
            for (var k = 0; k < convertedCount; k++)
            {
                if (!group.LinksTo.ContainsKey((i, slots.Count + k)))
                {
                    deferred.Add((i, slots.Count + k));
                }
            }
        }

        foreach (var key in deferred)
        {
            group.InputMap[key] = next++;
        }
    }

    private static void MapOutputs(GroupExpansion group, SchemaSet schemas)
    {
        foreach (var child in group.Children)
        {
            var i = child.GroupIndex;
            var count = child.SchemaIn(schemas)?.Outputs.Count ?? child.Node.Outputs.Count;
            var outputConfig = group.Config(i)?["output"] as JsonObject;
            for (var o = 0; o < count; o++)
            {
                var linkedInside = group.LinksFrom.ContainsKey((i, o)) && !group.External.Contains((i, o));
                var custom = (outputConfig?[o.ToString(System.Globalization.CultureInfo.InvariantCulture)] as JsonObject)?["visible"];
                var visible = custom is JsonValue v && v.TryGetValue(out bool b) ? b : !linkedInside;
                if (visible)
                {
                    group.OutputMap.Add((i, o));
                }
            }
        }
    }
}
