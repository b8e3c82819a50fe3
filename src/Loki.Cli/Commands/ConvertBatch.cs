using System.Diagnostics;
using System.Text;
using Loki.Core.Diagnostics;
using Loki.Core.IO;
using Loki.Core.Workflows.Batch;

namespace Loki.Cli.Commands;

/// <summary>
/// <c>loki convert INPUT... --to T -o OUTDIR</c>: converts many files in one process on every core. Each file's
/// result goes to OUTDIR at the path the target gives (<see cref="ConvertTarget.BatchOutput"/>); its diagnostics are
/// printed in input order; the exit code is the worst file's (2 over 1 over 0); a summary line ends the run.
/// </summary>
internal static class ConvertBatch
{
    /// <summary>Runs the batch; returns the exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> inputs, string outDir, ConvertSettings settings, CliConsole console, TextWriter stdout, TextWriter stderr)
    {
        var clock = Stopwatch.StartNew();
        var expansion = new DiagnosticBag();
        var files = WorkflowInputs.Expand(inputs, expansion);
        var outputs = files.Select(f => Path.Combine(outDir, settings.Target.BatchOutput(f.Relative))).ToList();
        var outcomes = new ConvertOutcome[files.Count];
        var firstWriter = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            // Two inputs that would write the same output: the later one is refused rather than overwriting the first.
            if (!firstWriter.TryAdd(Path.GetFullPath(outputs[i]), i))
            {
                outcomes[i] = new(CliApp.Failed, [new LokiDiagnostic(LokiCodes.BatchOutputClash, DiagnosticSeverity.Error, $"would write {outputs[i]}, which {files[firstWriter[Path.GetFullPath(outputs[i])]].Path} writes; convert one of them separately", files[i].Path)], null);
            }
        }

        // With two cores or more, one of them writes the results (BatchWriter) while the others convert; a target that
        // writes its own outputs (a node folder, a script) converts on every core.
        void ConvertAll(Action step)
        {
            var writer = Environment.ProcessorCount > 1 && files.Count > 1 && !settings.Target.WritesBatchOutputs ? new BatchWriter(outcomes, settings, step) : null;

            // Each converting thread reads its inputs into one buffer of its own, the same memory file after file.
            using var buffers = new ThreadLocal<FileReadBuffer>(() => new());
            OnThreads(files.Count, Environment.ProcessorCount - (writer is null ? 0 : 1), i =>
            {
                var outcome = outcomes[i] ?? Convert(files[i].Path, outputs[i], settings, deferWrite: writer is not null, buffers.Value!);
                if (outcome.Unwritten is { } bytes)
                {
                    outcomes[i] = outcome with { Unwritten = null };
                    writer!.Add(i, outputs[i], bytes);
                }
                else
                {
                    outcomes[i] = outcome;
                    step();
                }
            });
            writer?.Complete();
        }

        if (console.ProgressOnStderr && files.Count > 1)
        {
            await BatchProgress.RunAsync(stderr, files.Count, ConvertAll);
        }
        else
        {
            ConvertAll(() => { });
        }

        // Every file's lines in input order, written at once (stderr flushes each write: one call per line before).
        var report = new StringBuilder();
        foreach (var diagnostic in expansion.Items.Concat(outcomes.SelectMany(o => o.Diagnostics)))
        {
            report.Append(diagnostic).Append(stderr.NewLine);
        }

        await stderr.WriteAsync(report.ToString());

        await stdout.WriteLineAsync(Summary(files.Count, outcomes, expansion.Items.Count(d => d.IsError), settings.Target.Name, outDir, clock.Elapsed));
        return outcomes.Select(o => o.ExitCode).Append(ExitCodes.For(expansion.Items)).Max();
    }

    /// <summary>
    /// The line that ends a batch: <c>convert: 4 of 6 files to api in out, 2 failed, 1 input not found, 1 warning, 3 notes (0.02 s)</c>
    /// (notes: the info lines; each count only when not zero).
    /// </summary>
    internal static string Summary(int files, IReadOnlyList<ConvertOutcome> outcomes, int notFound, string target, string outDir, TimeSpan elapsed)
    {
        var failed = outcomes.Count(o => o.ExitCode != CliApp.Success);
        var diagnostics = outcomes.SelectMany(o => o.Diagnostics).ToList();
        var counts = new (int Count, string One, string Many)[]
        {
            (failed, "failed", "failed"),
            (notFound, "input not found", "inputs not found"),
            (diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning), "warning", "warnings"),
            (diagnostics.Count(d => d.Severity == DiagnosticSeverity.Info), "note", "notes"),
        };
        return $"convert: {files - failed} of {files} {(files == 1 ? "file" : "files")} to {target} in {outDir}"
            + string.Concat(counts.Where(c => c.Count > 0).Select(c => $", {c.Count} {(c.Count == 1 ? c.One : c.Many)}"))
            + string.Create(System.Globalization.CultureInfo.InvariantCulture, $" ({elapsed.TotalSeconds:0.00} s)");
    }

    /// <summary>
    /// Runs <paramref name="work"/> for 0 … <paramref name="count"/> − 1 on <paramref name="threads"/> threads (the
    /// calling thread and its own threads, which take the next index as they finish one). Not the thread pool: its extra
    /// workers spin waiting for work that never comes, CPU a short batch pays for on a small machine.
    /// </summary>
    internal static void OnThreads(int count, int threads, Action<int> work)
    {
        var next = -1;
        void Loop()
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                work(i);
            }
        }

        var helpers = Enumerable.Range(0, Math.Max(0, Math.Min(threads, count) - 1)).Select(_ => new Thread(Loop) { IsBackground = true }).ToList();
        helpers.ForEach(t => t.Start());
        Loop();
        helpers.ForEach(t => t.Join());
    }

    private static ConvertOutcome Convert(string input, string output, ConvertSettings settings, bool deferWrite, FileReadBuffer buffer)
    {
        try
        {
            return ConvertFile.Run(input, output, settings, deferWrite, buffer);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // One file's bug must not stop the others: a coded line naming the file.
            return new(CliApp.Failed, [new LokiDiagnostic(LokiCodes.InternalError, DiagnosticSeverity.Error, $"internal error: {ex.GetType().Name}: {ex.Message}", input)], null);
        }
    }
}
