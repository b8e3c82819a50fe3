using System.Text.Json;
using System.Text.Json.Nodes;
using Loki.Core.Schemas;
using Loki.Core.Workflows;

namespace Loki.Core.Conversion.UiToApi;

/// <summary>
/// Recovers the named widget values of one node from its positional <c>widgets_values</c>, as the frontend assigns
/// them on load: control, filter and upload positions are skipped, a legacy seed-control boolean is recognised by its
/// type, and widgets without a saved value keep their default.
/// </summary>
internal static class WidgetMapper
{
    /// <summary>The widget values of a node of class <paramref name="schema"/>, in widget order.</summary>
    public static List<KeyValuePair<string, JsonNode?>> Map(NodeSchema schema, JsonArray? values, JsonObject? named) =>
        Map(schema, values, named, out _);

    /// <summary>As <see cref="Map(NodeSchema, JsonArray?, JsonObject?)"/>; <paramref name="defaulted"/> names the widgets no saved value reached.</summary>
    public static List<KeyValuePair<string, JsonNode?>> Map(NodeSchema schema, JsonArray? values, JsonObject? named, out List<string> defaulted)
    {
        defaulted = [];
        var result = new List<KeyValuePair<string, JsonNode?>>();
        var assigned = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (named is not null)
        {
            foreach (var (name, value) in named)
            {
                assigned[name] = JsonCopy.Of(value);
            }
        }
        else if (values is not null)
        {
            AssignPositional(WidgetLayout.For(schema), values, assigned);
        }

        foreach (var input in schema.Inputs)
        {
            if (!input.HasWidget)
            {
                continue;
            }

            if (!assigned.TryGetValue(input.Name, out var value) && !HasDefault(input))
            {
                // A widget with no saved value and no default (a combo with no choices) holds undefined, which
                // JSON.stringify leaves out of the prompt.
                continue;
            }

            if (!assigned.ContainsKey(input.Name))
            {
                defaulted.Add(input.Name);
                value = DefaultOf(input);
            }

            result.Add(KeyValuePair.Create(input.Name, FixLegacyValue(schema.ClassType, input, value)));
        }

        return result;
    }

    /// <summary>False when a fresh widget's value is undefined (a combo without choices or default).</summary>
    public static bool HasDefault(InputSpec input) =>
        input.Default is not null || input.WidgetType != "COMBO" || input.Choices is { Count: > 0 };

    /// <summary>The value a freshly built widget holds: the declared default, else the first choice, else zero/empty.</summary>
    public static JsonNode? DefaultOf(InputSpec input)
    {
        if (input.Default is { } d)
        {
            return d.DeepClone();
        }

        return input.WidgetType switch
        {
            "COMBO" => input.Choices is { Count: > 0 } c ? c[0]?.DeepClone() : null,
            "INT" or "FLOAT" => JsonValue.Create(0),
            "BOOLEAN" => JsonValue.Create(false),
            "STRING" => JsonValue.Create(string.Empty),
            _ => null,
        };
    }

    private static void AssignPositional(IReadOnlyList<WidgetSlot> layout, JsonArray values, Dictionary<string, JsonNode?> assigned)
    {
        var at = 0;
        foreach (var slot in layout)
        {
            if (at >= values.Count)
            {
                break;
            }

            var value = values[at];
            switch (slot.Kind)
            {
                case WidgetSlotKind.Value:
                    assigned[slot.Input!.Name] = JsonCopy.Of(value);
                    at++;
                    break;
                case WidgetSlotKind.Control:
                case WidgetSlotKind.Filter:
                    // Workflows saved before control widgets existed have no position here: a number or a list
                    // cannot be a control mode, so it belongs to the next widget.
                    if (value is null || value.GetValueKind() is JsonValueKind.String or JsonValueKind.True or JsonValueKind.False)
                    {
                        at++;
                    }

                    break;
                default:
                    at++;
                    break;
            }
        }
    }

    private static JsonNode? FixLegacyValue(string classType, InputSpec input, JsonNode? value)
    {
        // The frontend renames pre-2023 sampler names when it loads a KSampler (app.ts loadGraphData).
        if (classType is "KSampler" or "KSamplerAdvanced" && input.Name == "sampler_name"
            && JsonRead.String(value) is { } s && s.StartsWith("sample_", StringComparison.Ordinal))
        {
            return JsonValue.Create(s[7..]);
        }

        return value;
    }
}
