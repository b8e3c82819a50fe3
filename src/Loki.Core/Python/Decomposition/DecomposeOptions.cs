namespace Loki.Core.Python.Decomposition;

/// <summary>How <c>loki decompose</c> cuts and checks.</summary>
/// <param name="MinLines">Steps shorter than this many lines are merged into a neighbour (external calls excepted); null
/// picks the largest of 3, 2, 1 that still cuts the body in two steps or more (a small function is cut, not refused).</param>
/// <param name="Depth">Levels of cutting: 1 cuts the body once; 2 also cuts each step of at least twice <paramref name="MinLines"/> lines again, and decomposes the functions of the same module the body calls (one level each).</param>
/// <param name="Trials">Generated input sets the equivalence check runs.</param>
/// <param name="Seed">Seed of the generated inputs.</param>
public sealed record DecomposeOptions(int? MinLines = null, int Depth = 2, int Trials = 24, int Seed = 0);
