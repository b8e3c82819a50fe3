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
        // The node's values are read (as nodes) only when the class has a choice to make.
        var candidates = schemas.Candidates(classType);
        return candidates.Count <= 1 ? candidates.FirstOrDefault() : For(schemas, classType, node.WidgetValues, node.NamedWidgetValues);
    }

    public static NodeSchema? For(SchemaSet schemas, string classType, JsonArray? values, JsonObject? named)
    {
        var candidates = schemas.Candidates(classType);
        if (candidates.Count <= 1)
        {
            return candidates.Count == 0 ? null : candidates[0];
        }

        var best = candidates[0];
        var bestMisfit = Misfit(best, values, named);
        foreach (var candidate in candidates.Skip(1))
        {
            var misfit = Misfit(candidate, values, named);
            if (misfit.CompareTo(bestMisfit) < 0)
            {
                (best, bestMisfit) = (candidate, misfit);
            }
        }

        return best;
    }

    /// <summary>The definition a prompt entry of <paramref name="classType"/> with these inputs uses: one that has every input it sends, then the newest.</summary>
    public static NodeSchema? ForPrompt(SchemaSet schemas, string classType, JsonObject inputs)
    {
        var candidates = schemas.Candidates(classType);
        return candidates.Count <= 1
            ? candidates.FirstOrDefault()
            : candidates.MinBy(c => inputs.Count(i => c.Input(i.Key) is null && !ApiPrompt.IsLink(i.Value)));
    }

    /// <summary>How badly saved widgets fit a definition: contradictions first (count, types, controls), then combo values outside its options.</summary>
    public static (int Contradictions, int OutsideOptions) Misfit(NodeSchema schema, JsonArray? values, JsonObject? named)
    {
        var (hard, soft) = (0, 0);
        if (named is not null)
        {
            foreach (var (name, value) in named)
            {
                if (schema.Input(name) is not { HasWidget: true } input || !Fits(input, value))
                {
                    hard++;
                }
                else if (OutsideOptions(input, value))
                {
                    soft++;
                }
            }

            return (hard, soft);
        }

        if (values is null)
        {
            return (0, 0);
        }

        var at = 0;
        foreach (var slot in WidgetLayout.For(schema))
        {
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
                    if (value is null || value.GetValueKind() is JsonValueKind.String or JsonValueKind.True or JsonValueKind.False)
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

    private static bool Fits(InputSpec input, JsonNode? value)
    {
        if (value is null)
        {
            return true;
        }

        var kind = value.GetValueKind();
        return input.WidgetType switch
        {
            "INT" or "FLOAT" => kind == JsonValueKind.Number,
            "BOOLEAN" => kind is JsonValueKind.True or JsonValueKind.False,
            "STRING" or "MARKDOWN" or "TEXTAREA" => kind == JsonValueKind.String,
            "COMBO" => kind is not (JsonValueKind.Object or JsonValueKind.Array),
            _ => true,
        };
    }

    private static bool OutsideOptions(InputSpec input, JsonNode? value)
    {
        if (input.WidgetType != "COMBO" || input.Choices is not { Count: > 0 } || value is null || LooksLikeFile(JsonRead.String(value))
            || ComboChoices.Of(input) is not { HasFile: false } choices)
        {
            return false;
        }

        return !choices.Holds(value.ToJsonString());
    }

    /// <summary>True for text that names a file (a path, or a name with an extension).</summary>
    internal static bool LooksLikeFile(string? s) =>
        s is not null && (s.Contains('/') || s.Contains('\\') || (System.IO.Path.HasExtension(s) && !s.EndsWith('.')));
}
