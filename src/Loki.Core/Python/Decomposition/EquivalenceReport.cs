using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Loki.Core.Python.Decomposition;

/// <summary>What the equivalence check found on the generated inputs.</summary>
/// <param name="Equal">True when every input gave the same outcome and enough of them returned normally.</param>
/// <param name="Trials">Input sets run.</param>
/// <param name="Returned">Sets on which the original returned normally.</param>
/// <param name="Raised">Sets on which the original raised (the decomposition raised the same error).</param>
/// <param name="Difference">The first input set that differs, with both outcomes, or null.</param>
/// <param name="Examples">Up to three input sets that returned normally and are plain JSON: examples for the composite's config.</param>
/// <param name="StepExamples">The same for each step node, as the composite called it (examples for steps that are composites).</param>
public sealed record EquivalenceReport(
    bool Equal,
    int Trials,
    int Returned,
    int Raised,
    string? Difference,
    ImmutableArray<JsonObject> Examples,
    ImmutableDictionary<string, ImmutableArray<JsonObject>> StepExamples)
{
    /// <summary>
    /// The verdict on the composite's compiled flow, run on the LOKI executor on the same inputs, keyed by the
    /// composite script it was compiled from (in the library checked, a scratch one before writing); null when the
    /// composite does not compile to a flow.
    /// </summary>
    public KeyValuePair<string, Loki.Core.Composition.ProvenFlows.Verdict>? Flow { get; init; }
}
