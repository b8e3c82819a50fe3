using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Loki.Core.Schemas;

namespace Loki.Core.Conversion.UiToApi;

/// <summary>
/// How <see cref="SchemaChoice"/> weighs a node's saved widgets against the candidate definitions of one class of a
/// schema set, worked out once per class: which candidate is weighed first, before the others are read, and where the
/// others can weigh differently. One plan serves every node of the class the same way, whatever nodes came before.
/// <para>
/// The lead: where the catalogue's definition outranks every dump definition left to weigh by provenance alone
/// (<see cref="SchemaSet"/>'s ranking, known from the dumps' versions and the cached index's marks), it is weighed
/// first, and a node that fits it perfectly (misfit (0, 0)) takes it: nothing can fit better and the weighing keeps the
/// first of the least. The dump's definition (another list of samplers) is then neither read nor parsed (issue 10).
/// </para>
/// <para>
/// The others, read when a node does not fit the lead (or at once where there is no lead): dumps of different ComfyUI
/// versions mostly define a class alike (the same widgets in the same order, of the same types) and differ in a few
/// option lists (KSampler's sampler and scheduler names). With one layout shape (slot kinds, widget types, class) every
/// candidate walks the values alike, so the count, type and control contradictions come out the same for each; of the
/// values outside options, those at positions whose inputs answer alike (the same option list, or lists that never
/// count: none, empty, or naming a file) are the same too. Comparing the differing positions alone, first kept on ties,
/// picks what weighing every candidate in full picks; with no differing position it is the first.
/// </para>
/// </summary>
internal sealed class CandidatePlan
{
    private static readonly ConditionalWeakTable<ClassCandidates, CandidatePlan> Cache = [];

    private readonly ClassCandidates _class;
    private StrongBox<(int[]? Differing, InputSpec[][]? Inputs)>? _positions;

    private CandidatePlan(ClassCandidates candidates)
    {
        _class = candidates;
        Lead = candidates.Lead;
    }

    /// <summary>The candidate weighed first, known without reading the others; null where there is none (see the class).</summary>
    public NodeSchema? Lead { get; }

    /// <summary>Every candidate weighed, newest first (<see cref="SchemaSet.WeighedCandidates"/>): read and parsed on first use.</summary>
    public IReadOnlyList<NodeSchema> Candidates => _class.Weighed;

    /// <summary>
    /// The layout positions (of the first candidate's <see cref="WidgetLayout"/>, which every candidate shares) whose
    /// value can be outside one candidate's options and not another's, in order; null when the layouts differ in shape
    /// (then every candidate is weighed in full). Asking reads the candidates.
    /// </summary>
    public int[]? Differing => Positions().Differing;

    /// <summary>Per differing position, each candidate's input there (in candidate order); null with <see cref="Differing"/>.</summary>
    public InputSpec[][]? Inputs => Positions().Inputs;

    /// <summary>The plan of <paramref name="classType"/> in <paramref name="schemas"/>, or null when it has no definition.</summary>
    public static CandidatePlan? Of(SchemaSet schemas, string classType) => schemas.ClassOf(classType) is { } candidates ? Of(candidates) : null;

    /// <summary>The plan of one class's candidates (made once; a batch shares it between threads).</summary>
    public static CandidatePlan Of(ClassCandidates candidates) => Cache.GetValue(candidates, static c => new CandidatePlan(c));

    private (int[]? Differing, InputSpec[][]? Inputs) Positions() =>
        (Volatile.Read(ref _positions) ?? Interlocked.CompareExchange(ref _positions, new(Work(Candidates)), null) ?? _positions!).Value;

    private static (int[]? Differing, InputSpec[][]? Inputs) Work(IReadOnlyList<NodeSchema> candidates)
    {
        if (candidates.Count < 2)
        {
            return ([], []);
        }

        var first = WidgetLayout.For(candidates[0]);
        var differing = new List<int>();
        for (var c = 1; c < candidates.Count; c++)
        {
            var other = WidgetLayout.For(candidates[c]);
            if (other.Count != first.Count || candidates[c].ClassType != candidates[0].ClassType)
            {
                return (null, null); // weighed in full
            }

            for (var s = 0; s < first.Count; s++)
            {
                var (a, b) = (first[s], other[s]);
                if (a.Kind != b.Kind || (a.Input is null) != (b.Input is null) || (a.Input is { } i && i.WidgetType != b.Input!.WidgetType))
                {
                    return (null, null);
                }

                if (a.Kind == WidgetSlotKind.Value && !AnswersAlike(a.Input!, b.Input!) && !differing.Contains(s))
                {
                    differing.Add(s);
                }
            }
        }

        differing.Sort();
        var inputs = new InputSpec[differing.Count][];
        for (var d = 0; d < differing.Count; d++)
        {
            inputs[d] = [.. candidates.Select(c => WidgetLayout.For(c)[differing[d]].Input!)];
        }

        return ([.. differing], inputs);
    }

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
