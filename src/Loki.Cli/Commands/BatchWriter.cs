using System.Collections.Concurrent;
using Loki.Core.Diagnostics;

namespace Loki.Cli.Commands;

/// <summary>
/// Writes a batch's converted files on a thread of its own while the converting threads go on. Writing is the kernel's
/// work (making folders, creating, filling and renaming files: a fifth to a third of a batch) and allocates next to
/// nothing, so on two cores one converting thread and this writer use both cores without a second allocating thread:
/// two converting threads cost the collector more (each collection stops both and finds two files' data live).
/// A file whose write fails gets the write's diagnostic added to its outcome, as if it had been written in place.
/// </summary>
internal sealed class BatchWriter
{
    private readonly BlockingCollection<(int Index, string Output, byte[] Bytes)> _queue = new();
    private readonly ConvertOutcome[] _outcomes;
    private readonly ConvertSettings _settings;
    private readonly Action _step;
    private readonly Thread _thread;

    /// <summary>Starts the writer; <paramref name="step"/> runs after each file is written (or failed to be).</summary>
    public BatchWriter(ConvertOutcome[] outcomes, ConvertSettings settings, Action step)
    {
        (_outcomes, _settings, _step) = (outcomes, settings, step);
        _thread = new Thread(Run) { IsBackground = true, Name = "loki batch writer" };
        _thread.Start();
    }

    /// <summary>Queues <paramref name="bytes"/> for <paramref name="output"/>, the result of input <paramref name="index"/> (whose outcome is already set).</summary>
    public void Add(int index, string output, byte[] bytes) => _queue.Add((index, output, bytes));

    /// <summary>Waits until every queued file is written.</summary>
    public void Complete()
    {
        _queue.CompleteAdding();
        _thread.Join();
    }

    private void Run()
    {
        foreach (var (index, output, bytes) in _queue.GetConsumingEnumerable())
        {
            try
            {
                CommandIO.WriteFile(bytes, output, flushToDisk: false, _settings.Folders);
            }
            catch (LokiException ex)
            {
                _outcomes[index] = new(ExitCodes.For(ex.Diagnostic), [.. _outcomes[index].Diagnostics, ex.Diagnostic], null);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _outcomes[index] = new(CliApp.Failed, [.. _outcomes[index].Diagnostics, new LokiDiagnostic(LokiCodes.InternalError, DiagnosticSeverity.Error, $"internal error: {ex.GetType().Name}: {ex.Message}", output)], null);
            }

            _step();
        }
    }
}
