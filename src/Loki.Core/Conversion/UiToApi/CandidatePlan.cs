using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Loki.Core.Schemas;

namespace Loki.Core.Conversion.UiToApi;

/// <summary>
/// Where the candidate definitions of one class can weigh a node's positional widget values differently
/// (<see cref="SchemaChoice"/>), worked out once per candidate list. Dumps of different ComfyUI versions mostly
/// define a class alike: the same widgets in the same order, of the same types, and differ in tooltips or in a few
/// option lists (KSampler's sampler and scheduler names). Weighing every value against every candidate was most of
/// choosing (a tenth of converting the 976-node corpus workflow with three dumps); where the widget layouts agree, only
/// the value positions whose option lists differ can tell candidates apart, and nothing else need be read.
/// <para>
/// Why that is exact: with one layout shape (slot kinds, widget types, class) every candidate walks the values alike,
/// so the count, type and control contradictions come out the same for each; of the values outside options, those at
/// positions whose inputs answer alike (the same option list, or lists that never count: none, empty, or naming a
/// file) are the same too. The weighing keeps the first of the least misfits, so comparing the differing positions alone,
/// first kept on ties, picks the same candidate; with no differing position it is the first.
/// </para>
/// </summary>
internal sealed class CandidatePlan
{
    private static readonly ConditionalWeakTable<IReadOnlyList<NodeSchema>, CandidatePlan> Cache = [];

    private CandidatePlan(IReadOnlyList<NodeSchema> candidates)
    {
        var first = WidgetLayout.For(candidates[0]);
        var differing = new List<int>();
        for (var c = 1; c < candidates.Count; c++)
        {
            var other = WidgetLayout.For(candidates[c]);
            if (other.Count != first.Count || candidates[c].ClassType != candidates[0].ClassType)
            {
                return; // Differing stays null: weighed in full
            }

            for (var s = 0; s < first.Count; s++)
            {
                var (a, b) = (first[s], other[s]);
                if (a.Kind != b.Kind || (a.Input is null) != (b.Input is null) || (a.Input is { } i && i.WidgetType != b.Input!.WidgetType))
                {
                    return;
                }

                if (a.Kind == WidgetSlotKind.Value && !AnswersAlike(a.Input!, b.Input!) && !differing.Contains(s))
                {
                    differing.Add(s);
                }
            }
        }

        differing.Sort();
        Differing = [.. differing];
        Inputs = new InputSpec[Differing.Length][];
        for (var d = 0; d < Differing.Length; d++)
        {
            Inputs[d] = [.. candidates.Select(c => WidgetLayout.For(c)[Differing[d]].Input!)];
        }
    }

    /// <summary>
    /// The layout positions (of the first candidate's <see cref="WidgetLayout"/>, which every candidate shares) whose
    /// value can be outside one candidate's options and not another's, in order; null when the layouts differ in shape
    /// (then every candidate is weighed in full).
    /// </summary>
    public int[]? Differing { get; }

    /// <summary>Per differing position, each candidate's input there (in candidate order); null with <see cref="Differing"/>.</summary>
    public InputSpec[][]? Inputs { get; }

    /// <summary>The plan of <paramref name="candidates"/> (at least two, newest first: a list the schema set keeps per class).</summary>
    public static CandidatePlan Of(IReadOnlyList<NodeSchema> candidates) => Cache.GetValue(candidates, static c => new CandidatePlan(c));

    // True when a value is outside a's options exactly when it is outside b's (SchemaChoice.OutsideOptions reads the
    // widget type and the option list only): the same list, or two lists that never count.
    private static bool AnswersAlike(InputSpec a, InputSpec b)
    {
        if (a.WidgetType != "COMBO")
        {
            return true; // only a combo's value can be outside options (the types are equal: checked by the caller)
        }

        return (NeverCounts(a) && NeverCounts(b)) || (a.Choices is { } x && b.Choices is { } y && SameOptions(x, y));
    }

    // The same options in the same order, each compared as ComboChoices holds it (a string by its text, anything else
    // by its JSON text): finer than the option sets it looks values up in, which is safe.
    private static bool SameOptions(JsonArray a, JsonArray b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!string.Equals(OptionText(a[i]), OptionText(b[i]), StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static string OptionText(JsonNode? option) =>
        option is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? "s" + v.ToString() : "j" + (option?.ToJsonString() ?? "null");

    private static bool NeverCounts(InputSpec input) => input.Choices is not { Count: > 0 } || ComboChoices.Of(input).HasFile;
}
