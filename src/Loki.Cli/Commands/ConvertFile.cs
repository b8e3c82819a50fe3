using System.Buffers;
using Loki.Core.Diagnostics;
using Loki.Core.Schemas;
using Loki.Core.Workflows;

namespace Loki.Cli.Commands;

/// <summary>The options of one <c>loki convert</c> run, shared by every file it converts.</summary>
/// <param name="Target">The <c>--to</c> target.</param>
/// <param name="Schemas">The node definitions (catalogue plus <c>--schemas</c>), loaded once.</param>
/// <param name="Seed">The <c>--seed</c>, or null.</param>
internal sealed record ConvertSettings(ConvertTarget Target, SchemaSet Schemas, long? Seed)
{
    /// <summary><c>--backend</c>, or null.</summary>
    public string? Backend { get; init; }

    /// <summary>Every <c>--library</c>.</summary>
    public IReadOnlyList<string> Libraries { get; init; } = [];

    /// <summary><c>--name</c>, or null.</summary>
    public string? NodeName { get; init; }

    /// <summary>The flow environments, one per LOKI library, built once for the whole run.</summary>
    public FlowEnvironmentCache Environments { get; } = new();

    /// <summary>The output folders made so far (a batch makes each once).</summary>
    public OutputFolders Folders { get; } = new();

    /// <summary><c>--standalone</c>: the script target copies the runtime (and the flow's LOKI nodes) beside the script.</summary>
    public bool Standalone { get; init; }
}

/// <summary>The outcome of converting one file: its exit code, its diagnostics, and the text to print (stdout mode).</summary>
internal sealed record ConvertOutcome(int ExitCode, IReadOnlyList<LokiDiagnostic> Diagnostics, string? Text)
{
    /// <summary>
    /// The bytes still to write to the output, when the caller asked to write them itself; else null. They sit in an
    /// array rented from <see cref="ArrayPool{T}.Shared"/>, which whoever writes them returns.
    /// </summary>
    public ArraySegment<byte>? Unwritten { get; init; }
}

/// <summary>Converts one input file with a <see cref="ConvertTarget"/>; what the single-file and the batch mode share.</summary>
internal static class ConvertFile
{
    // Each converting thread writes its outputs into one buffer, the same memory file after file (an array per file
    // was the largest thing a batch allocated after the inputs' models).
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _output;

    // Each converting thread given a buffer also lends the loader the same memory file after file (WorkflowMemory): the
    // graphs' nodes, slots, links and indexes were a large workflow's largest garbage. Nothing of a file outlives Run.
    [ThreadStatic]
    private static WorkflowMemory? _memory;

    /// <summary>
    /// Converts <paramref name="input"/>; writes to <paramref name="output"/> (atomically) unless it is null or <c>-</c>,
    /// in which case the text comes back in the outcome. Bad input becomes coded diagnostics, never an exception.
    /// With <paramref name="deferWrite"/> a result bound for a file comes back unwritten (<see cref="ConvertOutcome.Unwritten"/>)
    /// for the caller to write (a batch's writer thread). A <paramref name="buffer"/> is where the input is read (see
    /// <see cref="WorkflowLoader.Load(string, Loki.Core.IO.FileReadBuffer?)"/>): nothing that refers to it outlives this call.
    /// </summary>
    public static ConvertOutcome Run(string input, string? output, ConvertSettings settings, bool deferWrite = false, Loki.Core.IO.FileReadBuffer? buffer = null)
    {
        var diagnostics = new DiagnosticBag();
        try
        {
            var file = WorkflowLoader.Load(input, buffer, buffer is null ? null : _memory ??= new WorkflowMemory());
            diagnostics.AddRange(file.Warnings ?? []);
            var request = new ConvertRequest(input, file, settings.Schemas, settings.Seed, output)
            {
                Backend = settings.Backend,
                Libraries = settings.Libraries,
                NodeName = settings.NodeName,
                Environments = settings.Environments,
                Standalone = settings.Standalone,
            };
            var toStdout = output is null or "-";

            // A file gets the target's bytes straight away (no text in between); stdout gets the text.
            var text = toStdout ? settings.Target.Convert(request, diagnostics) : null;
            var bytes = toStdout ? null : OutputBuffer();
            var written = bytes is not null && settings.Target.ConvertUtf8(request, diagnostics, bytes);
            if ((text is null && !written) || diagnostics.HasErrors)
            {
                return new(ExitCodes.For(diagnostics.Items) is var code and not CliApp.Success ? code : CliApp.Failed, diagnostics.Items, null);
            }

            if (settings.Target.WritesFile(request))
            {
                return new(CliApp.Success, diagnostics.Items, null);
            }

            if (toStdout)
            {
                return new(CliApp.Success, diagnostics.Items, text);
            }

            if (deferWrite)
            {
                // The writer thread writes them later, while this thread's buffer takes the next file: a pooled copy.
                var pooled = ArrayPool<byte>.Shared.Rent(bytes!.WrittenCount);
                bytes.WrittenSpan.CopyTo(pooled);
                return new(CliApp.Success, diagnostics.Items, null) { Unwritten = new ArraySegment<byte>(pooled, 0, bytes.WrittenCount) };
            }

            // Atomic (temp file and rename) but not flushed to disk: a converted file is made again by running again.
            CommandIO.WriteFile(bytes!.WrittenSpan, output!, flushToDisk: false, settings.Folders);
            return new(CliApp.Success, diagnostics.Items, null);
        }
        catch (LokiException ex)
        {
            diagnostics.Add(ex.Diagnostic);
            return new(ExitCodes.For(ex.Diagnostic), diagnostics.Items, null);
        }
    }

    // The thread's output buffer, emptied; one grown past 8 MB by a rare huge output is not kept for the thread's life.
    private static ArrayBufferWriter<byte> OutputBuffer()
    {
        if (_output is { Capacity: > 8 << 20 })
        {
            _output = null;
        }

        var buffer = _output ??= new ArrayBufferWriter<byte>(64 * 1024);
        buffer.ResetWrittenCount();
        return buffer;
    }
}
