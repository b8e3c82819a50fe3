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
        // The node's values are read only when the class has a choice to make, from the file's bytes when the direct
        // reader read it (a document per node before); values saved by name are read as their object.
        if (Plan(schemas, classType, out var only) is not { } plan)
        {
            return only;
        }

        var named = node.WidgetValuesKind == JsonValueKind.Object ? node.WidgetValuesElement : default;
        return Choose(plan, named, named.ValueKind == JsonValueKind.Object ? default : node.SavedWidgetValues);
    }

    /// <summary>As <see cref="For(SchemaSet, string, UiNode)"/> for widget values given as nodes (positional or named).</summary>
    public static NodeSchema? For(SchemaSet schemas, string classType, JsonArray? values, JsonObject? named)
    {
        if (Plan(schemas, classType, out var only) is not { } plan)
        {
            return only;
        }

        var element = ElementOf(values, named);
        return element.ValueKind == JsonValueKind.Object ? Choose(plan, element, default) : Choose(plan, default, new SavedValues(element));
    }

    /// <summary>
    /// The rule itself: among <paramref name="candidates"/> (newest first), the first of those whose misfit is least,
    /// every candidate weighed in full at every position. What a class's plan chooses must be what this chooses (tests
    /// compare the two); conversion weighs through the plan (<see cref="CandidatePlan"/>).
    /// </summary>
    internal static NodeSchema? For(IReadOnlyList<NodeSchema> candidates, JsonArray? values, JsonObject? named)
    {
        if (candidates.Count <= 1)
        {
            return candidates.Count == 0 ? null : candidates[0];
        }

        var element = ElementOf(values, named);
        return element.ValueKind == JsonValueKind.Object ? InFull(candidates, element, default) : InFull(candidates, default, new SavedValues(element));
    }

    // The class's plan where it has a choice to make; else null, with its one definition (or none) in 'only'. A class
    // with a lead always goes to its plan (its other definitions are not read to count them).
    private static CandidatePlan? Plan(SchemaSet schemas, string classType, out NodeSchema? only)
    {
        only = null;
        if (schemas.ClassOf(classType) is not { } candidates)
        {
            return null;
        }

        if (candidates.Lead is null && candidates.Weighed is { Count: <= 1 } single)
        {
            only = single.Count == 0 ? null : single[0];
            return null;
        }

        return CandidatePlan.Of(candidates);
    }

    private static JsonElement ElementOf(JsonArray? values, JsonObject? named)
    {
        JsonNode? saved = (JsonNode?)named ?? values;
        return saved is null ? default : JsonSource.ElementOf(saved);
    }

    // The saved values (an object by name, or positional values: none when neither) weighed by the class's plan: the
    // lead first, taken when it fits perfectly (the others then unread); else every candidate, positional values only
    // where the candidates can differ, when their layouts agree.
    private static NodeSchema Choose(CandidatePlan plan, JsonElement named, in SavedValues values)
    {
        if (plan.Lead is { } lead && Misfit(lead, named, values) == (0, 0))
        {
            return lead;
        }

        var candidates = plan.Candidates;
        if (candidates.Count > 1 && named.ValueKind != JsonValueKind.Object && plan.Differing is { } differing)
        {
            return differing.Length == 0 || values.Count == 0 ? candidates[0] : ByDiffering(candidates, plan, values);
        }

        return candidates.Count == 1 ? candidates[0] : InFull(candidates, named, values);
    }

    // Every candidate weighed at every position; the first of the least misfit wins.
    private static NodeSchema InFull(IReadOnlyList<NodeSchema> candidates, JsonElement named, in SavedValues values)
    {
        var best = candidates[0];
        var bestMisfit = Misfit(best, named, values);
        for (var c = 1; c < candidates.Count; c++)
        {
            var misfit = Misfit(candidates[c], named, values);
            if (misfit.CompareTo(bestMisfit) < 0)
            {
                (best, bestMisfit) = (candidates[c], misfit);
            }
        }

        return best;
    }

    // As weighing every candidate in full, for candidates whose layouts agree: the positions are walked once (every
    // candidate advances alike), and only the differing ones are weighed, per candidate; the first of the least wins.
    private static NodeSchema ByDiffering(IReadOnlyList<NodeSchema> candidates, CandidatePlan plan, in SavedValues values)
    {
        var (differing, inputsAt) = (plan.Differing!, plan.Inputs!);
        Span<int> outside = candidates.Count <= 16 ? stackalloc int[candidates.Count] : new int[candidates.Count];
        outside.Clear();
        var layout = WidgetLayout.For(candidates[0]);
        var (at, d) = (0, 0);
        for (var s = 0; s < layout.Count && d < differing.Length && at < values.Count; s++)
        {
            if (s == differing[d])
            {
                var inputs = inputsAt[d++];
                for (var c = 0; c < inputs.Length; c++)
                {
                    outside[c] += OutsideOptions(inputs[c], values, at) ? 1 : 0;
                }
            }

            at += Advances(layout[s].Kind, values.Kind(at)) ? 1 : 0;
        }

        var best = 0;
        for (var c = 1; c < outside.Length; c++)
        {
            best = outside[c] < outside[best] ? c : best;
        }

        return candidates[best];
    }

    // True when a position of this kind takes the value in front of it: a control or filter position is absent from
    // values saved before control widgets existed (a number or a list there belongs to the next input).
    private static bool Advances(WidgetSlotKind slot, JsonValueKind value) =>
        slot is not (WidgetSlotKind.Control or WidgetSlotKind.Filter) || value is JsonValueKind.Null or JsonValueKind.String or JsonValueKind.True or JsonValueKind.False;

    /// <summary>The definition a prompt entry of <paramref name="classType"/> with these inputs uses: one that has every input it sends, then the newest.</summary>
    public static NodeSchema? ForPrompt(SchemaSet schemas, string classType, JsonObject inputs)
    {
        var candidates = schemas.Candidates(classType);
        return candidates.Count <= 1
            ? candidates.FirstOrDefault()
            : candidates.MinBy(c => inputs.Count(i => c.Input(i.Key) is null && !ApiPrompt.IsLink(i.Value)));
    }

    /// <summary>How badly saved widgets fit a definition: contradictions first (count, types, controls), then combo values outside its options.</summary>
    private static (int Contradictions, int OutsideOptions) Misfit(NodeSchema schema, JsonElement named, in SavedValues values)
    {
        var (hard, soft) = (0, 0);
        if (named.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in named.EnumerateObject())
            {
                if (schema.Input(property.Name) is not { HasWidget: true } input || !Fits(input, property.Value.ValueKind))
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

        if (values.Count == 0)
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

            var kind = values.Kind(at);
            switch (slot.Kind)
            {
                case WidgetSlotKind.Value:
                    hard += Fits(slot.Input!, kind) ? 0 : 1;
                    soft += OutsideOptions(slot.Input!, values, at) ? 1 : 0;
                    at++;
                    break;
                case WidgetSlotKind.Control or WidgetSlotKind.Filter:
                    // As the mapper does: a number or a list here was saved before control widgets existed.
                    if (Advances(slot.Kind, kind))
                    {
                        hard += slot.Kind == WidgetSlotKind.Control && kind == JsonValueKind.String && !IsControlMode(values, at) ? 1 : 0;
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

    private static bool Fits(InputSpec input, JsonValueKind kind)
    {
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

    // A control position's string: one of the modes (read from its bytes when plain: most are).
    private static bool IsControlMode(in SavedValues values, int i)
    {
        if (values.TryPlainText(i, out var text))
        {
            return text.SequenceEqual("fixed"u8) || text.SequenceEqual("increment"u8) || text.SequenceEqual("decrement"u8) || text.SequenceEqual("randomize"u8);
        }

        return values.Text(i) is { } mode && ControlModes.Contains(mode);
    }

    // As OutsideOptions(InputSpec, JsonElement) for positional value i, a plain string looked up from its bytes and a
    // number or literal against an option list of strings answered without reading it.
    private static bool OutsideOptions(InputSpec input, in SavedValues values, int i)
    {
        var kind = values.Kind(i);
        if (input.WidgetType != "COMBO" || input.Choices is not { Count: > 0 } || kind == JsonValueKind.Null
            || ComboChoices.Of(input) is not { HasFile: false } choices)
        {
            return false;
        }

        if (values.TryPlainText(i, out var text))
        {
            return !choices.HoldsPlain(text) && !LooksLikeFile(PlainText.String(text));
        }

        if (kind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False && !choices.HasOthers)
        {
            return true; // held by no option (every option is a string), and no text that could name a file
        }

        return OutsideOptions(input, values.Element(i));
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
