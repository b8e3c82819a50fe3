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
    // Values assigned by name, one scratch table per thread, emptied per node (a table per node was most of what
    // mapping allocated); positional values go by the name's index (SchemaWidgetFacts.Keys), hashing no name.
    [ThreadStatic]
    private static Dictionary<string, PromptInput>? _assigned;

    [ThreadStatic]
    private static PromptInput[]? _byKey;

    [ThreadStatic]
    private static bool[]? _keySet;

    /// <summary>
    /// The widget values of a node of class <paramref name="schema"/>, in widget order, from its saved positional
    /// <c>widgets_values</c> (values stay where the file or the document holds them) or, when it records them by name,
    /// <paramref name="named"/>, added to <paramref name="into"/>; <paramref name="defaulted"/> names the widgets no saved
    /// value reached (null: none).
    /// </summary>
    public static void Map(NodeSchema schema, in SavedValues values, JsonObject? named, List<PromptInput> into, out List<string>? defaulted) =>
        Map(schema, SchemaWidgetFacts.Of(schema), values, named, into, out defaulted);

    /// <summary><see cref="Map(NodeSchema, in SavedValues, JsonObject?, List{PromptInput}, out List{string}?)"/> with the definition's facts at hand.</summary>
    public static void Map(NodeSchema schema, SchemaWidgetFacts facts, in SavedValues values, JsonObject? named, List<PromptInput> into, out List<string>? defaulted)
    {
        defaulted = null;
        var inputs = schema.Inputs;
        var byKey = _byKey is { } k && k.Length >= inputs.Count ? k : _byKey = new PromptInput[Math.Max(inputs.Count, 32)];
        var keySet = _keySet is { } ks && ks.Length >= inputs.Count ? ks : _keySet = new bool[byKey.Length];
        Array.Clear(keySet, 0, inputs.Count);
        Dictionary<string, PromptInput>? assigned = null;
        if (named is not null)
        {
            assigned = _assigned ??= new Dictionary<string, PromptInput>(StringComparer.Ordinal);
            assigned.Clear();
            foreach (var (name, value) in named)
            {
                assigned[name] = PromptInput.Value(name, JsonCopy.Of(value));
            }
        }
        else if (values.Count > 0)
        {
            AssignPositional(facts.Layout, values, byKey, keySet);
        }

        var result = into;
        result.EnsureCapacity(result.Count + facts.WidgetCount);
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            if (!input.HasWidget)
            {
                continue;
            }

            var key = facts.Keys[i];
            if (assigned is null ? keySet[key] : assigned.TryGetValue(input.Name, out byKey[key]))
            {
                result.Add(FixLegacyValue(schema.ClassType, input, byKey[key]));
                continue;
            }

            if (!HasDefault(input))
            {
                // A widget with no saved value and no default (a combo with no choices) holds undefined, which
                // JSON.stringify leaves out of the prompt.
                continue;
            }

            (defaulted ??= []).Add(input.Name);
            result.Add(FixLegacyValue(schema.ClassType, input, DefaultValue(input)));
        }

        // The values point into the node's document: let them go with the node.
        assigned?.Clear();
        Array.Clear(byKey, 0, inputs.Count);
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

    // The default as a widget value: the schema's own value is written from where it is (never changed: a widget that
    // takes another value is set anew), the fixed ones are shared.
    private static PromptInput DefaultValue(InputSpec input)
    {
        if (input.Default is { } d)
        {
            return PromptInput.Value(input.Name, d);
        }

        return input.WidgetType switch
        {
            "COMBO" => PromptInput.Value(input.Name, input.Choices is { Count: > 0 } c ? c[0] : null),
            "INT" or "FLOAT" => PromptInput.Value(input.Name, Zero),
            "BOOLEAN" => PromptInput.Value(input.Name, False),
            "STRING" => PromptInput.String(input.Name, string.Empty),
            _ => PromptInput.Value(input.Name, null),
        };
    }

    private static readonly JsonNode Zero = JsonValue.Create(0);
    private static readonly JsonNode False = JsonValue.Create(false);

    // The layout is walked as the definition's array (through IReadOnlyList each slot was an interface call).
    private static void AssignPositional(WidgetSlot[] layout, in SavedValues values, PromptInput[] byKey, bool[] keySet)
    {
        var at = 0;
        var count = values.Count;
        foreach (var slot in layout)
        {
            if (at >= count)
            {
                break;
            }

            switch (slot.Kind)
            {
                case WidgetSlotKind.Value:
                    byKey[slot.Key] = PromptInput.Value(slot.Input!.Name, values, at);
                    keySet[slot.Key] = true;
                    at++;
                    break;
                case WidgetSlotKind.Control:
                case WidgetSlotKind.Filter:
                    // Workflows saved before control widgets existed have no position here: a number or a list
                    // cannot be a control mode, so it belongs to the next widget.
                    if (values.Kind(at) is JsonValueKind.Null or JsonValueKind.String or JsonValueKind.True or JsonValueKind.False)
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

    private static PromptInput FixLegacyValue(string classType, InputSpec input, PromptInput value)
    {
        // The frontend renames pre-2023 sampler names when it loads a KSampler (app.ts loadGraphData).
        // A value read from the file is looked at in its bytes first (plain: its text is its bytes): every KSampler's
        // sampler was read into a new string to find the rare old name.
        if (classType is "KSampler" or "KSamplerAdvanced" && input.Name == "sampler_name"
            && (value.Kind != PromptInputKind.Saved || value.SavedRaw.StartsWith("\"sample_"u8))
            && value.AsString() is { } s && s.StartsWith("sample_", StringComparison.Ordinal))
        {
            return PromptInput.Value(input.Name, JsonValue.Create(s[7..]));
        }

        return value;
    }
}
