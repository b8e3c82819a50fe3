using System.Text.Json;
using System.Text.Json.Nodes;
using Loki.Core.Schemas;
using Loki.Core.Workflows;

namespace Loki.Core.Conversion.UiToApi;

/// <summary>
/// Chooses, for one node, which of its class's definitions it was saved with: among the candidates of
/// <see cref="SchemaSet.Candidates"/>, those its saved widgets fit (no value left over, each value of its widget's
/// type, control positions holding control modes), then those whose option lists hold its saved choices, then the
/// newest. Lists of files (checkpoints, images) say which machine made a dump, not which version: they never count.
/// </summary>
internal static class SchemaChoice
{
    private static readonly HashSet<string> ControlModes = new(StringComparer.Ordinal) { "fixed", "increment", "decrement", "randomize" };

    /// <summary>The definition a node of <paramref name="classType"/> saved with these widgets uses, or null when none.</summary>
    public static NodeSchema? For(SchemaSet schemas, string classType, UiNode node)
    {
        // The node's values are read only when the class has a choice to make.
        var candidates = schemas.Candidates(classType);
        return candidates.Count <= 1 ? candidates.FirstOrDefault() : For(candidates, node.WidgetValuesElement);
    }

    /// <summary>As <see cref="For(SchemaSet, string, UiNode)"/> for widget values given as nodes (positional or named).</summary>
    public static NodeSchema? For(SchemaSet schemas, string classType, JsonArray? values, JsonObject? named)
    {
        var candidates = schemas.Candidates(classType);
        if (candidates.Count <= 1)
        {
            return candidates.Count == 0 ? null : candidates[0];
        }

        JsonNode? saved = (JsonNode?)named ?? values;
        return For(candidates, saved is null ? default : JsonSource.ElementOf(saved));
    }

    // The saved values (an array, an object, or anything else: no values) weighed against each candidate, read as
    // elements: a node's values are never built into nodes for this.
    private static NodeSchema For(IReadOnlyList<NodeSchema> candidates, JsonElement saved)
    {
        var values = ReadValues(saved);
        var best = candidates[0];
        var bestMisfit = Misfit(best, saved, values);
        for (var c = 1; c < candidates.Count; c++)
        {
            var misfit = Misfit(candidates[c], saved, values);
            if (misfit.CompareTo(bestMisfit) < 0)
            {
                (best, bestMisfit) = (candidates[c], misfit);
            }
        }

        // The elements point into the node's document: let it go with the node.
        if (values is { } read)
        {
            read.AsSpan().Clear();
        }

        return best;
    }

    // An array's values, read out once for all candidates into the thread's scratch array (an array per node before);
    // null when the saved values are no array.
    private static ArraySegment<JsonElement>? ReadValues(JsonElement saved)
    {
        if (saved.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var count = saved.GetArrayLength();
        if (_items is not { } items || items.Length < count)
        {
            items = _items = new JsonElement[Math.Max(count, 16)];
        }

        var i = 0;
        foreach (var item in saved.EnumerateArray())
        {
            items[i++] = item;
        }

        return new ArraySegment<JsonElement>(items, 0, count);
    }

    [ThreadStatic]
    private static JsonElement[]? _items;

    /// <summary>The definition a prompt entry of <paramref name="classType"/> with these inputs uses: one that has every input it sends, then the newest.</summary>
    public static NodeSchema? ForPrompt(SchemaSet schemas, string classType, JsonObject inputs)
    {
        var candidates = schemas.Candidates(classType);
        return candidates.Count <= 1
            ? candidates.FirstOrDefault()
            : candidates.MinBy(c => inputs.Count(i => c.Input(i.Key) is null && !ApiPrompt.IsLink(i.Value)));
    }

    /// <summary>How badly saved widgets fit a definition: contradictions first (count, types, controls), then combo values outside its options.</summary>
    private static (int Contradictions, int OutsideOptions) Misfit(NodeSchema schema, JsonElement saved, ArraySegment<JsonElement>? segment)
    {
        var (hard, soft) = (0, 0);
        if (saved.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in saved.EnumerateObject())
            {
                if (schema.Input(property.Name) is not { HasWidget: true } input || !Fits(input, property.Value))
                {
                    hard++;
                }
                else if (OutsideOptions(input, property.Value))
                {
                    soft++;
                }
            }

            return (hard, soft);
        }

        if (segment is not { } values)
        {
            return (0, 0);
        }

        var at = 0;
        var layout = WidgetLayout.For(schema);
        for (var s = 0; s < layout.Count; s++)
        {
            var slot = layout[s];
            if (at >= values.Count)
            {
                break;
            }

            var value = values[at];
            switch (slot.Kind)
            {
                case WidgetSlotKind.Value:
                    hard += Fits(slot.Input!, value) ? 0 : 1;
                    soft += OutsideOptions(slot.Input!, value) ? 1 : 0;
                    at++;
                    break;
                case WidgetSlotKind.Control or WidgetSlotKind.Filter:
                    // As the mapper does: a number or a list here was saved before control widgets existed.
                    if (value.ValueKind is JsonValueKind.Null or JsonValueKind.String or JsonValueKind.True or JsonValueKind.False)
                    {
                        hard += slot.Kind == WidgetSlotKind.Control && JsonRead.String(value) is { } mode && !ControlModes.Contains(mode) ? 1 : 0;
                        at++;
                    }

                    break;
                default:
                    at++;
                    break;
            }
        }

        // Widgets a frontend extension adds (the 3D preview's image) are saved after the node's own.
        return (hard + Math.Max(0, values.Count - at - FrontendWidgets.CountFor(schema.ClassType)), soft);
    }

    private static bool Fits(InputSpec input, JsonElement value)
    {
        var kind = value.ValueKind;
        if (kind == JsonValueKind.Null)
        {
            return true;
        }

        return input.WidgetType switch
        {
            "INT" or "FLOAT" => kind == JsonValueKind.Number,
            "BOOLEAN" => kind is JsonValueKind.True or JsonValueKind.False,
            "STRING" or "MARKDOWN" or "TEXTAREA" => kind == JsonValueKind.String,
            "COMBO" => kind is not (JsonValueKind.Object or JsonValueKind.Array),
            _ => true,
        };
    }

    private static bool OutsideOptions(InputSpec input, JsonElement value)
    {
        if (input.WidgetType != "COMBO" || input.Choices is not { Count: > 0 } || value.ValueKind == JsonValueKind.Null
            || ComboChoices.Of(input) is not { HasFile: false } choices || choices.Holds(value))
        {
            return false;
        }

        // Only a value outside the options is read as text (most are among them): a file name never counts.
        return !LooksLikeFile(JsonRead.String(value));
    }

    /// <summary>True for text that names a file (a path, or a name with an extension).</summary>
    internal static bool LooksLikeFile(string? s) =>
        s is not null && (s.Contains('/') || s.Contains('\\') || (System.IO.Path.HasExtension(s) && !s.EndsWith('.')));
}
