using Loki.Core.Diagnostics;

namespace Loki.Cli.Commands;

/// <summary>Coded usage errors (<see cref="LokiCodes.BadUsage"/>, exit 2) that point at the command's help.</summary>
internal static class CliUsage
{
    /// <summary>A usage error of <paramref name="verb"/> (null: the root command).</summary>
    public static LokiException Error(string? verb, string message) =>
        new(new LokiDiagnostic(LokiCodes.BadUsage, DiagnosticSeverity.Error, verb is null ? $"{message}; run 'loki --help'" : $"{verb}: {message}; run 'loki {verb} --help'"));

    /// <summary>Rejects what no file system accepts as a path (empty, a NUL character).</summary>
    public static string? PathProblem(string value, string what) =>
        value.Length == 0 || value.Contains('\0', StringComparison.Ordinal)
            ? $"{what} must be a file path, got '{value.Replace("\0", "\\0", StringComparison.Ordinal)}'"
            : null;
}
