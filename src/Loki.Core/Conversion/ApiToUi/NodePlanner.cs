using System.Text.Json;
using System.Text.Json.Nodes;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Diagnostics;
using Loki.Core.Schemas;
using Loki.Core.Workflows;

namespace Loki.Core.Conversion.ApiToUi;

/// <summary>
/// Builds the sockets and widget values of each UI node from its prompt entry, the way the frontend lays out a node
/// created from its definition: socket-only inputs first, then one socket per widget, <c>widgets_values</c> in widget
/// order (<see cref="WidgetLayout"/>). A node without a schema records its values by name, so they survive.
/// </summary>
internal sealed class NodePlanner(SchemaSet schemas, string file, DiagnosticBag diagnostics)
{
    /// <summary>The control mode written for seeds and other controlled widgets: the prompt's value is the one to keep.</summary>
    public const string ControlMode = "fixed";

    public NodePlan Plan(string id, int index, JsonObject entry)
    {
        var classType = JsonRead.String(entry["class_type"])!;
        var title = JsonRead.String(entry["_meta"]?["title"]);
        var schema = Loki.Core.Conversion.UiToApi.SchemaChoice.ForPrompt(schemas, classType, entry["inputs"] as JsonObject ?? []);
        var plan = new NodePlan(id, index, classType, title, schema);
        var inputs = entry["inputs"] as JsonObject ?? [];
        if (schema is null)
        {
            PlanWithoutSchema(plan, inputs, JsonPathText.Key("$", id));
        }
        else
        {
            PlanWithSchema(plan, schema, inputs, JsonPathText.Key("$", id));
        }

        return plan;
    }

    private void PlanWithSchema(NodePlan plan, NodeSchema schema, JsonObject inputs, string at)
    {
        foreach (var input in schema.Inputs.Where(i => !i.HasWidget))
        {
            plan.Inputs.Add(new UiSocket(input.Name, input.Type, false, Source(inputs[input.Name])));
        }

        foreach (var input in schema.Inputs.Where(i => i.HasWidget))
        {
            plan.Inputs.Add(new UiSocket(input.Name, input.Type, true, Source(inputs[input.Name])));
        }

        var frontendOnly = new JsonObject();
        FrontendWidgets.AddTo(plan.ClassType, frontendOnly);
        foreach (var (name, value) in inputs)
        {
            if (schema.Input(name) is not null || frontendOnly.ContainsKey(name))
            {
                continue; // frontend-only widgets are added back by UI → API
            }

            if (Source(value) is { } link)
            {
                plan.Inputs.Add(new UiSocket(name, "*", false, link));
            }
            else
            {
                diagnostics.Warning(LokiCodes.ApiToUiDroppedInput, $"input '{name}' of '{plan.ClassType}' is not in its schema and has no place in the UI node; it is left out", file, JsonPathText.Key(at + ".inputs", name));
            }
        }

        foreach (var output in schema.Outputs)
        {
            plan.Outputs.Add((output.Name, output.Type));
        }

        var layout = WidgetLayout.For(schema);
        var values = new JsonArray();
        foreach (var slot in layout.Take(KeptSlots(layout, inputs)))
        {
            values.Add(slot.Kind switch
            {
                WidgetSlotKind.Value => WidgetValue(slot.Input!, inputs.TryGetPropertyValue(slot.Input!.Name, out var v), v),
                WidgetSlotKind.Control => JsonValue.Create(ControlMode),
                WidgetSlotKind.Filter => JsonValue.Create(string.Empty),
                _ => JsonValue.Create(slot.Input?.Name == "audio" ? string.Empty : "image"),
            });
            if (slot.Kind == WidgetSlotKind.Value && !inputs.ContainsKey(slot.Input!.Name))
            {
                diagnostics.Warning(LokiCodes.ApiToUiFilledDefault, $"the prompt has no value for widget '{slot.Input.Name}' of '{plan.ClassType}', which later widgets follow; the UI widget gets its default", file, JsonPathText.Key(at + ".inputs", slot.Input.Name));
            }
        }

        plan.WidgetValues = values.Count > 0 ? values : null;
    }

    private void PlanWithoutSchema(NodePlan plan, JsonObject inputs, string at)
    {
        var guess = PackCatalogue.Guess(plan.ClassType);
        var from = guess is null ? string.Empty : $"; it likely comes from {guess} ({guess.Evidence})";
        diagnostics.Warning(LokiCodes.ApiToUiNoSchema, $"node type '{plan.ClassType}' has no schema: its UI node is built from the prompt alone{from}", file, at + ".class_type");
        var values = new JsonObject();
        foreach (var (name, value) in inputs)
        {
            if (Source(value) is { } link)
            {
                plan.Inputs.Add(new UiSocket(name, "*", false, link));
                continue;
            }

            plan.Inputs.Add(new UiSocket(name, TypeOfValue(value), true, null));
            values[name] = Unwrap(value);
        }

        plan.WidgetValues = values.Count > 0 ? values : null;
    }

    /// <summary>
    /// How many widget slots to write: a prompt without values for its last widgets (made from a node saved before
    /// those inputs existed) gets a shorter <c>widgets_values</c>, as that node had, so they stay absent.
    /// </summary>
    private static int KeptSlots(IReadOnlyList<WidgetSlot> layout, JsonObject inputs)
    {
        var keep = layout.Count;
        while (keep > 0 && (layout[keep - 1].Kind != WidgetSlotKind.Value || !inputs.ContainsKey(layout[keep - 1].Input!.Name)))
        {
            keep--;
        }

        // Controls, filters and upload buttons after the last value present belong to the node all the same.
        while (keep < layout.Count && layout[keep].Kind != WidgetSlotKind.Value)
        {
            keep++;
        }

        return keep;
    }

    private static JsonNode? WidgetValue(InputSpec input, bool present, JsonNode? value)
    {
        if (present && Source(value) is null)
        {
            return Unwrap(value);
        }

        // Not given, or driven by a link: the widget keeps its default, as a freshly created node would.
        if (input.Default is { } d)
        {
            return d.DeepClone();
        }

        return input.WidgetType switch
        {
            "INT" => JsonValue.Create(0),
            "FLOAT" => JsonValue.Create(0.0),
            "BOOLEAN" => JsonValue.Create(false),
            "COMBO" => input.Choices is { Count: > 0 } c ? c[0]?.DeepClone() : JsonValue.Create(string.Empty),
            _ => JsonValue.Create(string.Empty),
        };
    }

    /// <summary>List values travel as <c>{"__value__": [...]}</c> in prompts; the widget holds the list itself.</summary>
    private static JsonNode? Unwrap(JsonNode? value) =>
        value is JsonObject { Count: 1 } o && o["__value__"] is JsonArray list ? list.DeepClone() : value?.DeepClone();

    private static LinkSource? Source(JsonNode? value) =>
        ApiPrompt.IsLink(value) ? new LinkSource(JsonRead.String(value![0])!, (int)JsonRead.Long(value[1])!.Value) : null;

    private static string TypeOfValue(JsonNode? value) => value?.GetValueKind() switch
    {
        JsonValueKind.String => "STRING",
        JsonValueKind.True or JsonValueKind.False => "BOOLEAN",
        JsonValueKind.Number => value.AsValue().TryGetValue(out long _) ? "INT" : "FLOAT",
        _ => "*",
    };
}
