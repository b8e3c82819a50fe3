using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Schemas;

namespace Loki.Core.World;

/// <summary>
/// Makes World nodes from node definitions: every input in the frontend's order, the outputs, and the
/// <c>widgets_values</c> a node added from the node menu saves (each widget's default, <c>fixed</c> for a control).
/// </summary>
internal static class WorldItemFactory
{
    /// <summary>A node of class <paramref name="schema"/>; <paramref name="values"/> override widget defaults by input name.</summary>
    public static WorldItem Create(int id, WorldItemKind kind, NodeSchema schema, string title, string region, WorldNode? node, IReadOnlyDictionary<string, JsonNode>? values = null)
    {
        var inputs = schema.Inputs.Select(i => new WorldSlot(i.Name, i.Type, i.HasWidget, i.IsRequired)).ToImmutableArray();
        var outputs = schema.Outputs.Select(o => new WorldSlot(o.Name, o.Type)).ToImmutableArray();
        var widgets = new JsonArray();
        foreach (var slot in WidgetLayout.For(schema))
        {
            widgets.Add(slot.Kind switch
            {
                WidgetSlotKind.Value when values is not null && values.TryGetValue(slot.Input!.Name, out var v) => v.DeepClone(),
                WidgetSlotKind.Value => DefaultOf(slot.Input!),
                WidgetSlotKind.Control => "fixed",
                WidgetSlotKind.Filter => string.Empty,
                _ => "image",
            });
        }

        return new WorldItem(id, kind, schema.ClassType, title, region, node, inputs, outputs, widgets.Count > 0 ? widgets : null);
    }

    private static JsonNode? DefaultOf(InputSpec input)
    {
        if (input.Default is { } d)
        {
            return d.DeepClone();
        }

        return input.Type switch
        {
            "INT" => 0,
            "FLOAT" => 0.0,
            "BOOLEAN" => false,
            "COMBO" => input.Choices?.FirstOrDefault()?.DeepClone() ?? string.Empty,
            _ => string.Empty,
        };
    }
}
