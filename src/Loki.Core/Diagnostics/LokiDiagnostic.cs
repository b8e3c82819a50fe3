using System.Globalization;

namespace Loki.Core.Diagnostics;

/// <summary>
/// One coded message about one place in one file. Every front-end (CLI, MSBuild tasks, generator)
/// renders these; tests assert <see cref="Code"/>, never the message text.
/// </summary>
/// <param name="Code">The stable code from <see cref="LokiCodes"/>, e.g. <c>LOKI1001</c>.</param>
/// <param name="Severity">Error, warning or info.</param>
/// <param name="Message">Human-readable text.</param>
/// <param name="File">The file the message is about, when there is one.</param>
/// <param name="JsonPath">A JSON path into <paramref name="File"/> (<c>$.nodes[3].widgets_values[1]</c>), when it is JSON.</param>
/// <param name="Line">1-based line in <paramref name="File"/>, or 0 when unknown.</param>
/// <param name="Column">1-based column, or 0 when unknown.</param>
public sealed record LokiDiagnostic(
    string Code,
    DiagnosticSeverity Severity,
    string Message,
    string? File = null,
    string? JsonPath = null,
    int Line = 0,
    int Column = 0)
{
    /// <summary>True for <see cref="DiagnosticSeverity.Error"/>.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>
    /// Renders the canonical MSBuild/compiler form, <c>file(line,col): error LOKI1001: message [at $.path]</c>,
    /// which IDEs and CI systems annotate.
    /// </summary>
    public override string ToString()
    {
        var place = File ?? "loki";
        if (Line > 0)
        {
            place += Column > 0
                ? string.Create(CultureInfo.InvariantCulture, $"({Line},{Column})")
                : string.Create(CultureInfo.InvariantCulture, $"({Line})");
        }

        var severity = Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        var at = JsonPath is null ? string.Empty : $" [at {JsonPath}]";
        return $"{place}: {severity} {Code}: {Message}{at}";
    }
}
