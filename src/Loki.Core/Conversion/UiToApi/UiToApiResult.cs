using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;

namespace Loki.Core.Conversion.UiToApi;

/// <summary>The outcome of one UI to API conversion.</summary>
/// <param name="Prompt">The API prompt, or null when an error stopped the conversion.</param>
/// <param name="Diagnostics">Everything reported, warnings included.</param>
public sealed record UiToApiResult(JsonObject? Prompt, IReadOnlyList<LokiDiagnostic> Diagnostics)
{
    /// <summary>True when a prompt was made and no error was reported.</summary>
    public bool Succeeded => Prompt is not null && !Diagnostics.Any(d => d.IsError);
}
