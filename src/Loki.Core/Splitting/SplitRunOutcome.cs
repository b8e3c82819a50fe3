using Loki.Core.Diagnostics;

namespace Loki.Core.Splitting;

/// <summary>What one <c>loki split</c> run did.</summary>
/// <param name="Split">The split (names fitted to the library), or null when it stopped before.</param>
/// <param name="Written">Files written.</param>
/// <param name="Diagnostics">Everything reported; an error means nothing was written.</param>
public sealed record SplitRunOutcome(SplitResult? Split, IReadOnlyList<string> Written, IReadOnlyList<LokiDiagnostic> Diagnostics)
{
    /// <summary>True when no error was reported.</summary>
    public bool Succeeded => !Diagnostics.Any(d => d.IsError);
}
