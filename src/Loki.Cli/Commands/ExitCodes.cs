using Loki.Core.Diagnostics;

namespace Loki.Cli.Commands;

/// <summary>
/// The exit code contract (contracts.md §5): 0 success; 1 the input was read but cannot be converted; 2 bad usage
/// or an input that cannot be read at all (missing, unreadable, too large, not JSON, damaged media).
/// </summary>
internal static class ExitCodes
{
    private static readonly HashSet<string> Unreadable = new(StringComparer.Ordinal)
    {
        LokiCodes.FileNotFound, LokiCodes.FileUnreadable, LokiCodes.FileTooLarge, LokiCodes.BadUsage,
        LokiCodes.WorkflowInvalidJson, LokiCodes.WorkflowUnknownFormat, LokiCodes.WorkflowUnsupportedFile,
        LokiCodes.MediaUnknownFormat, LokiCodes.MediaTruncated, LokiCodes.MediaBadCrc, LokiCodes.MediaBadTextChunk,
        LokiCodes.MediaBadExif, LokiCodes.SchemaInvalid, LokiCodes.SchemaNotFound,
    };

    /// <summary>The exit code for a run that stopped on <paramref name="error"/>.</summary>
    public static int For(LokiDiagnostic error) => Unreadable.Contains(error.Code) ? CliApp.BadUsage : CliApp.Failed;

    /// <summary>The exit code for a run that reported <paramref name="diagnostics"/> (0 when none is an error).</summary>
    public static int For(IEnumerable<LokiDiagnostic> diagnostics) =>
        diagnostics.FirstOrDefault(d => d.IsError) is { } error ? For(error) : CliApp.Success;
}
