using System.Collections.Immutable;
using Loki.Core.Diagnostics;

namespace Loki.Core.Requirements;

/// <summary>The result of verifying a library's requirements.</summary>
/// <param name="Nodes">Each node's parsed requirements, in node order.</param>
/// <param name="Merged">The merged lines for the pack, sorted by name (torch family left out).</param>
/// <param name="Diagnostics">Everything found, each naming the node and the file line.</param>
public sealed record RequirementsReport(
    ImmutableArray<NodeRequirements> Nodes,
    ImmutableArray<MergedRequirement> Merged,
    ImmutableArray<LokiDiagnostic> Diagnostics)
{
    /// <summary>True when no error was found.</summary>
    public bool Ok => !Diagnostics.Any(d => d.IsError);

    /// <summary>The merged <c>requirements.txt</c> text (one line each, final newline; empty when there is none).</summary>
    public string MergedText => string.Concat(Merged.Select(m => m.Line + "\n"));
}
