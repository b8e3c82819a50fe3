namespace Loki.Core.Diagnostics;

/// <summary>
/// Thrown by the core when an operation cannot go on; carries the coded diagnostic so that every
/// front-end can report it without a stack trace.
/// </summary>
public sealed class LokiException : Exception
{
    /// <summary>Creates the exception from the diagnostic that explains it.</summary>
    public LokiException(LokiDiagnostic diagnostic, Exception? inner = null)
        : base(diagnostic.ToString(), inner)
    {
        Diagnostic = diagnostic;
    }

    /// <summary>The coded diagnostic.</summary>
    public LokiDiagnostic Diagnostic { get; }
}
