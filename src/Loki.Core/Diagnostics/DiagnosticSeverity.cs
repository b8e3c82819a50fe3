namespace Loki.Core.Diagnostics;

/// <summary>How serious a <see cref="LokiDiagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Informational; never fails anything.</summary>
    Info,

    /// <summary>Something the user should look at; the operation still succeeded.</summary>
    Warning,

    /// <summary>The operation could not be completed.</summary>
    Error,
}
