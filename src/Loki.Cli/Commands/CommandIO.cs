using Loki.Core.Diagnostics;
using Loki.Core.IO;
using Loki.Core.Schemas;

namespace Loki.Cli.Commands;

/// <summary>What every command shares: reporting diagnostics, loading schemas, writing a result.</summary>
internal static class CommandIO
{
    /// <summary>Writes each diagnostic on its own line (code, file, place) to <paramref name="stderr"/>.</summary>
    public static async Task ReportAsync(TextWriter stderr, IEnumerable<LokiDiagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            await stderr.WriteLineAsync(d.ToString());
        }
    }

    /// <summary>
    /// The shipped catalogue with each <c>--schemas</c> file or folder's definitions as candidates; each dump's index is
    /// kept in the per-user cache (<see cref="DumpIndexCache.ForUser()"/>) so that the next run reads only what it uses.
    /// </summary>
    public static SchemaSet LoadSchemas(IReadOnlyList<string> paths) =>
        paths.Count == 0 ? SchemaSet.Catalogue : SchemaSet.Load(paths, includeCatalogue: true, DumpIndexCache.ForUser());

    /// <summary>Writes <paramref name="text"/> to <paramref name="output"/> atomically, or to stdout when it is null or <c>-</c>.</summary>
    public static async Task WriteResultAsync(string text, string? output, TextWriter stdout)
    {
        if (output is null or "-")
        {
            await stdout.WriteAsync(text);
            await stdout.FlushAsync();
            return;
        }

        WriteFile(text, output);
    }

    /// <summary>Writes <paramref name="text"/> to the file <paramref name="output"/> atomically; a failure is <see cref="LokiCodes.WriteFailed"/>.</summary>
    public static void WriteFile(string text, string output) => WriteFile(AtomicFile.Utf8.GetBytes(text), output, flushToDisk: true);

    /// <summary>
    /// Writes <paramref name="utf8"/> to the file <paramref name="output"/> atomically (unless it already holds those
    /// bytes), flushed to disk or not (<see cref="AtomicFile.Write(string, byte[], bool)"/>); a failure is <see cref="LokiCodes.WriteFailed"/>.
    /// </summary>
    /// <param name="utf8">The bytes.</param>
    /// <param name="output">The file.</param>
    /// <param name="flushToDisk">Whether to <c>fsync</c> before the rename.</param>
    /// <param name="folders">The output folders this run has made or found already, or null.</param>
    public static void WriteFile(byte[] utf8, string output, bool flushToDisk, OutputFolders? folders = null) =>
        WriteFile(utf8.AsSpan(), output, flushToDisk, folders);

    /// <summary>As <see cref="WriteFile(byte[], string, bool, OutputFolders?)"/>, for bytes held in a buffer (a converting thread's, a pooled array).</summary>
    public static void WriteFile(ReadOnlySpan<byte> utf8, string output, bool flushToDisk, OutputFolders? folders = null)
    {
        try
        {
            // In a folder this run made there is no older copy to compare with: write without looking for one.
            if (folders?.Ensure(output) == true)
            {
                AtomicFile.Write(output, utf8, flushToDisk);
            }
            else
            {
                AtomicFile.WriteIfChanged(output, utf8, flushToDisk);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LokiException(new LokiDiagnostic(LokiCodes.WriteFailed, DiagnosticSeverity.Error, "cannot write the output: " + e.Message, output), e);
        }
    }
}
