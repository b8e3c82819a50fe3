using System.Collections.Immutable;
using Loki.Core.Diagnostics;
using Loki.Core.Requirements;

namespace Loki.Core.Packaging;

/// <summary>The pack as built in memory: every file, sorted by path, plus what was found on the way.</summary>
/// <param name="Entries">The files, sorted ordinally by path.</param>
/// <param name="Nodes">The node folders included, sorted.</param>
/// <param name="Flows">The nodes whose flow became an example workflow and a blueprint.</param>
/// <param name="Requirements">The requirements verification of the library.</param>
/// <param name="Diagnostics">Everything reported.</param>
public sealed record PackResult(
    ImmutableArray<PackEntry> Entries,
    ImmutableArray<string> Nodes,
    ImmutableArray<string> Flows,
    RequirementsReport Requirements,
    ImmutableArray<LokiDiagnostic> Diagnostics)
{
    /// <summary>True when no error was reported.</summary>
    public bool Ok => !Diagnostics.Any(d => d.IsError);
}
