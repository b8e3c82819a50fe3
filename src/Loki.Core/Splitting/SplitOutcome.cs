namespace Loki.Core.Splitting;

/// <summary>What splitting one workflow of a batch gave (for <c>loki split --report</c> and the corpus report).</summary>
/// <param name="Name">The workflow, as the report names it (a path relative to the batch root).</param>
/// <param name="Split">The split, or null when the workflow did not convert to an API prompt.</param>
/// <param name="Check">The equivalence check's first difference (LOKI6004 message), or null when it passed.</param>
public sealed record SplitOutcome(string Name, SplitResult? Split, string? Check)
{
    /// <summary>True when the workflow converted and was split without errors.</summary>
    public bool Converted => Split is { Succeeded: true };

    /// <summary>True when at least one sub-flow came out.</summary>
    public bool HasSubflows => Converted && Split!.HasSubflows;
}
