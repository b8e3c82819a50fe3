using System.Collections.Immutable;
using Loki.Core.Diagnostics;

namespace Loki.Core.Glamours;

/// <summary>The outcome of growing one node's glamour.</summary>
/// <param name="Node">The node name.</param>
/// <param name="Directory">The node folder.</param>
/// <param name="Written">Full paths of the files written (or, when verifying, found missing or out of date).</param>
/// <param name="Diagnostics">Everything reported.</param>
public sealed record GlamourResult(string Node, string Directory, ImmutableArray<string> Written, ImmutableArray<LokiDiagnostic> Diagnostics)
{
    /// <summary>True when an error was reported.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
