namespace Loki.Core.Diagnostics;

/// <summary>Collects the diagnostics of one operation, in the order they were found.</summary>
public sealed class DiagnosticBag
{
    private readonly List<LokiDiagnostic> _items = [];

    /// <summary>Everything reported so far.</summary>
    public IReadOnlyList<LokiDiagnostic> Items => _items;

    /// <summary>True once any error was reported.</summary>
    public bool HasErrors => _items.Exists(d => d.IsError);

    /// <summary>Adds one diagnostic.</summary>
    public void Add(LokiDiagnostic diagnostic) => _items.Add(diagnostic);

    /// <summary>Adds several diagnostics.</summary>
    public void AddRange(IEnumerable<LokiDiagnostic> diagnostics) => _items.AddRange(diagnostics);

    /// <summary>Reports an error with a code from <see cref="LokiCodes"/>.</summary>
    public void Error(string code, string message, string? file = null, string? jsonPath = null, int line = 0) =>
        Add(new LokiDiagnostic(code, DiagnosticSeverity.Error, message, file, jsonPath, line));

    /// <summary>Reports a warning with a code from <see cref="LokiCodes"/>.</summary>
    public void Warning(string code, string message, string? file = null, string? jsonPath = null, int line = 0) =>
        Add(new LokiDiagnostic(code, DiagnosticSeverity.Warning, message, file, jsonPath, line));

    /// <summary>Reports an informational message.</summary>
    public void Info(string code, string message, string? file = null, string? jsonPath = null, int line = 0) =>
        Add(new LokiDiagnostic(code, DiagnosticSeverity.Info, message, file, jsonPath, line));
}
