namespace Loki.Core.Python.Decomposition;

/// <summary>What a <c>loki decompose</c> run did.</summary>
/// <param name="Plan">The cut.</param>
/// <param name="Folders">The node folders (planned; written unless refused or only checked).</param>
/// <param name="Report">The equivalence check, or null when skipped.</param>
/// <param name="Written">The files written.</param>
public sealed record DecomposeOutcome(DecompositionPlan Plan, IReadOnlyList<PlannedFolder> Folders, EquivalenceReport? Report, IReadOnlyList<string> Written);
