using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;

namespace Loki.Core.Splitting;

/// <summary>A workflow split into a parent flow and a library of sub-flows.</summary>
/// <param name="Name">The parent flow's node name.</param>
/// <param name="File">The workflow file (diagnostics).</param>
/// <param name="Original">The workflow's API prompt, as UI → API conversion gives it.</param>
/// <param name="Ui">The UI workflow it came from, or null for an API prompt.</param>
/// <param name="Parent">The parent flow: what stays at the top plus one node per top-level sub-flow use.</param>
/// <param name="Subflows">The sub-flow definitions, inner ones first.</param>
/// <param name="Instances">Every use of a sub-flow, by instance node id.</param>
/// <param name="Diagnostics">Warnings, and the errors that stopped the split.</param>
public sealed record SplitResult(
    string Name,
    string File,
    JsonObject Original,
    JsonObject? Ui,
    JsonObject Parent,
    ImmutableArray<Subflow> Subflows,
    ImmutableDictionary<string, SubflowInstance> Instances,
    IReadOnlyList<LokiDiagnostic> Diagnostics)
{
    /// <summary>True when the split ran without errors.</summary>
    public bool Succeeded => !Diagnostics.Any(d => d.IsError);

    /// <summary>True when at least one sub-flow was cut out.</summary>
    public bool HasSubflows => !Subflows.IsDefaultOrEmpty;

    /// <summary>A failed split: <paramref name="diagnostics"/> says why.</summary>
    public static SplitResult Failed(string name, string file, IReadOnlyList<LokiDiagnostic> diagnostics) =>
        new(name, file, [], null, [], [], ImmutableDictionary<string, SubflowInstance>.Empty, diagnostics);

    /// <summary>Every sub-flow's flow prompt (markers included), by its class.</summary>
    public ImmutableDictionary<string, JsonObject> FlowPrompts() => Subflows.ToImmutableDictionary(s => s.ClassType, s => s.Prompt(), StringComparer.Ordinal);
}
