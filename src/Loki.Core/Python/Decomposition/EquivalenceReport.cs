namespace Loki.Core.Python.Decomposition;

/// <summary>What the equivalence check found on the generated inputs.</summary>
/// <param name="Equal">True when every input gave the same outcome and enough of them returned normally.</param>
/// <param name="Trials">Input sets run.</param>
/// <param name="Returned">Sets on which the original returned normally.</param>
/// <param name="Raised">Sets on which the original raised (the decomposition raised the same error).</param>
/// <param name="Difference">The first input set that differs, with both outcomes, or null.</param>
public sealed record EquivalenceReport(bool Equal, int Trials, int Returned, int Raised, string? Difference);
