using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;

namespace Loki.Core.Conversion.ApiToUi;

/// <summary>The outcome of an API to UI conversion.</summary>
/// <param name="Workflow">The UI workflow (schema 0.4), or null when an error made it impossible.</param>
/// <param name="Diagnostics">Errors and warnings, in the order found.</param>
public sealed record ApiToUiResult(JsonObject? Workflow, IReadOnlyList<LokiDiagnostic> Diagnostics)
{
    /// <summary>True when a workflow was built and no error was reported.</summary>
    public bool Succeeded => Workflow is not null && !Diagnostics.Any(d => d.IsError);
}
