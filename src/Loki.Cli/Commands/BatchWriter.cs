using System.Buffers;
using System.Collections.Concurrent;
using Loki.Core.Diagnostics;

namespace Loki.Cli.Commands;

/// <summary>
/// Writes a batch's converted files on a thread of its own while the converting threads go on. Writing is the kernel's
/// work (making folders, creating, filling and renaming files: a fifth to a third of a batch) and allocates next to
/// nothing, so on two cores one converting thread and this writer use both cores without a second allocating thread:
/// two converting threads cost the collector more (each collection stops both and finds two files' data live).
/// A file whose write fails gets the write's diagnostic added to its outcome, as if it had been written in place.
/// The writer sleeps when it has nothing to write, without spinning first: a blocking queue's wait spins (SpinWait,
/// <c>sched_yield</c>) each time it runs dry, which was 13 % of a 249-file batch's CPU.
/// </summary>
internal sealed class BatchWriter
{
    private readonly ConcurrentQueue<(int Index, string Output, ArraySegment<byte> Bytes)> _queue = new();
    private readonly ManualResetEventSlim _queued = new(initialState: false, spinCount: 0);
    private volatile bool _complete;
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

    /// <summary>
    /// Queues <paramref name="bytes"/> for <paramref name="output"/>, the result of input <paramref name="index"/> (whose
    /// outcome is already set); their array, rented from <see cref="ArrayPool{T}.Shared"/>, goes back once written.
    /// </summary>
    public void Add(int index, string output, ArraySegment<byte> bytes)
    {
        _queue.Enqueue((index, output, bytes));
        _queued.Set();
    }

    /// <summary>Waits until every queued file is written.</summary>
    public void Complete()
    {
        _complete = true;
        _queued.Set();
        _thread.Join();
        _queued.Dispose();
    }

    private void Run()
    {
        while (true)
        {
            // Reset before looking: an item queued after the look sets the event again, so none is missed.
            _queued.Reset();
            var complete = _complete;
            while (_queue.TryDequeue(out var item))
            {
                Write(item.Index, item.Output, item.Bytes);
            }

            if (complete)
            {
                return;
            }

            _queued.Wait();
        }
    }

    private void Write(int index, string output, ArraySegment<byte> bytes)
    {
        try
        {
            CommandIO.WriteFile(bytes.AsSpan(), output, flushToDisk: false, _settings.Folders);
        }
        catch (LokiException ex)
        {
            _outcomes[index] = new(ExitCodes.For(ex.Diagnostic), [.. _outcomes[index].Diagnostics, ex.Diagnostic], null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _outcomes[index] = new(CliApp.Failed, [.. _outcomes[index].Diagnostics, new LokiDiagnostic(LokiCodes.InternalError, DiagnosticSeverity.Error, $"internal error: {ex.GetType().Name}: {ex.Message}", output)], null);
        }
        finally
        {
            // An empty result's array is the shared empty one, which the pool did not lend.
            if (bytes.Array is { Length: > 0 } rented)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        _step();
    }
}
