using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Schemas;
using Loki.Core.Text;
using Loki.Core.Workflows;

namespace Loki.Benchmarks;

/// <summary>
/// The anchors' protocol (<c>../shared/tools/anchors/run.py</c>) for LOKI, so <c>build/bench-convert.py</c> can put
/// both side by side: N passes over many files in ONE process (a pass = read, load, convert, write the prompt JSON),
/// or one file converted many times; one JSON summary line. <c>--conv parse</c> is the floor (the file's bytes read and
/// parsed by System.Text.Json's <c>JsonDocument</c>, nothing else), <c>--conv load</c> the loader (parse, model, checks)
/// without converting, <c>--conv prompt</c> load and convert without writing the JSON, <c>--conv tree</c> a full copy into mutable nodes (what the loader did before it read lazily).
/// </summary>
internal static class PassRunner
{
    /// <summary>
    /// Runs <c>passes --conv convert|load|parse --schema FILE [--schema FILE]... [--passes N] (--list FILE | FILE...)</c>
    /// or <c>--largest FILE --iters N</c>. Several <c>--schema</c> dumps are loaded together as <c>loki convert</c>'s
    /// repeated <c>--schemas</c> loads them (without the shipped catalogue, as the anchors get only the dumps).
    /// <c>--floor</c> also times the parse floor in the same process, alternated with the step (<c>floor_*</c> and
    /// <c>ratio_*</c> fields); <c>--threads</c> adds the steady half's CPU by thread name, <c>--gc</c> its collections by
    /// generation and reason. Every summary carries the
    /// runtime it was measured in (<c>runtime</c>: JIT or Native AOT, collector settings).
    /// </summary>
    public static int Run(string[] args)
    {
        var conv = Arg(args, "--conv") ?? "convert";
        var dumps = Args(args, "--schema");
        if (dumps.Count == 0)
        {
            throw new ArgumentException("--schema FILE is required");
        }

        var schemas = SchemaSet.Load(dumps, includeCatalogue: false);
        // Every step gets the file's bytes, read in the timed pass (as run.py reads its files in its own).
        Func<byte[], string, object?> step = conv switch
        {
            "parse" => (bytes, _) => Parse(bytes),
            "tree" => (bytes, file) => JsonSource.Parse(System.Text.Encoding.UTF8.GetString(bytes), file, "LOKI0000"),
            "load" => (bytes, file) => WorkflowLoader.Parse(bytes, file, Memory),
            "convert" => (bytes, file) => Convert(bytes, file, schemas),
            "prompt" => (bytes, file) => Prompt(bytes, file, schemas),
            _ => throw new ArgumentException("--conv convert|prompt|load|tree|parse"),
        };

        var floor = args.Contains("--floor");
        var threads = args.Contains("--threads");
        // Collections by generation and reason over the steady half (JIT only: the native build has no EventSource).
        using var gc = args.Contains("--gc") && System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeCompiled ? new GcReasons() : null;
        if (Arg(args, "--largest") is { } largest)
        {
            var text = File.ReadAllBytes(largest);
            var iters = int.Parse(Arg(args, "--iters") ?? "20", CultureInfo.InvariantCulture);
            var run = Repeat(iters, () => step(text, largest), floor ? () => Parse(text) : null, threads, gc);

            // Outside the timing: did the conversion succeed (an error means the writer was never measured), and how many
            // entries its prompt has (to set beside the anchors' prompt_nodes).
            var checkedResult = Prompt(text, largest, schemas);
            var entries = checkedResult is null ? 0 : JsonDocument.Parse(checkedResult.PromptUtf8()!).RootElement.EnumerateObject().Count();
            var summary = new JsonObject { ["conv"] = conv, ["file"] = largest, ["schemas"] = dumps.Count, ["converted"] = checkedResult is not null, ["prompt_entries"] = entries, ["iters"] = iters, ["iters_cpu_s"] = new JsonArray([.. run.Steps.Select(t => (JsonNode)t.Cpu)]), ["first_s"] = run.Steps[0].Wall };
            Print(run.Describe(summary));
            return 0;
        }

        var files = Positionals(args).ToList();
        if (Arg(args, "--list") is { } list)
        {
            files.AddRange(File.ReadAllLines(list).Where(l => l.Trim().Length > 0));
        }

        var passes = int.Parse(Arg(args, "--passes") ?? "1", CultureInfo.InvariantCulture);
        var failures = 0;
        var first = true;
        void Pass(Func<byte[], string, object?> each)
        {
            foreach (var file in files)
            {
                try
                {
                    each(File.ReadAllBytes(file), file);
                }
                catch (Exception) when (!first)
                {
                }
                catch (Exception)
                {
                    failures++;
                }
            }
        }

        var passesRun = Repeat(passes, () => { Pass(step); first = false; }, floor ? () => Pass((bytes, _) => Parse(bytes)) : null, threads, gc);
        var results = passesRun.Steps;
        Print(passesRun.Describe(new JsonObject
        {
            ["conv"] = conv, ["files"] = files.Count, ["failures"] = failures,
            ["passes_s"] = new JsonArray([.. results.Select(r => (JsonNode)r.Wall)]), ["passes_cpu_s"] = new JsonArray([.. results.Select(r => (JsonNode)r.Cpu)]),
            ["cold_s"] = results[0].Wall, ["cold_cpu_s"] = results[0].Cpu,
        }));
        return 0;
    }

    // The floor: the bytes parsed by System.Text.Json's JsonDocument, nothing else (`--conv parse`, and `--floor`'s side).
    private static object? Parse(byte[] bytes)
    {
        using var doc = JsonDocument.Parse(bytes);
        return null;
    }

    /// <summary>
    /// Runs <paramref name="step"/> <paramref name="count"/> times, timing each; with a <paramref name="floor"/>, runs it
    /// as often in the same process, alternated with the step (the order swapped every time, so that neither always
    /// follows the other's garbage), so that step and floor meet the same runtime, heap and load. With
    /// <paramref name="threads"/>, says which threads the steady half's process CPU went to.
    /// </summary>
    private static Repeated Repeat(int count, Action step, Action? floor, bool threads, GcReasons? gc)
    {
        var steps = new List<Sample>();
        var floors = new List<Sample>();
        Dictionary<int, (string Name, long Nanoseconds)>? before = null;
        for (var i = 0; i < count; i++)
        {
            if (threads && i == count / 2)
            {
                before = ThreadShares.Snapshot();
            }

            if (gc is not null && i == count / 2)
            {
                gc.Counting = true;
            }

            if (floor is not null && i % 2 == 1)
            {
                floors.Add(Time(floor));
            }

            steps.Add(Time(step));
            if (floor is not null && i % 2 == 0)
            {
                floors.Add(Time(floor));
            }
        }

        var shares = before is null ? null : ThreadShares.Between(before, ThreadShares.Snapshot());
        if (gc is not null)
        {
            gc.Counting = false;
        }

        return new Repeated(steps, floor is null ? null : floors, shares, gc?.Counts);
    }

    // The prompt's bytes as the CLI writes them: into the converting thread's output buffer, kept file after file
    // (UiToApiResult.WritePrompt, as `loki convert`'s ConvertFile does; no JsonObject tree, no array per file).
    private static readonly System.Buffers.ArrayBufferWriter<byte> Output = new(64 * 1024);

    // The loader's lent memory, one load after another, as the CLI's converting thread lends its own (WorkflowMemory).
    private static readonly WorkflowMemory Memory = new();

    private static object? Convert(byte[] bytes, string file, SchemaSet schemas)
    {
        Output.ResetWrittenCount();
        return Prompt(bytes, file, schemas)?.WritePrompt(Output);
    }

    // Read, load and convert, without writing the JSON out (`--conv prompt`: the writer's share is convert - prompt).
    private static UiToApiResult? Prompt(byte[] bytes, string file, SchemaSet schemas)
    {
        var loaded = WorkflowLoader.Parse(bytes, file, Memory);
        if (!loaded.HasUi)
        {
            return null;
        }

        var result = UiToApiConverter.Convert(loaded, schemas, UiToApiOptions.Default, file);
        return result.Succeeded ? result : null;
    }

    private static Sample Time(Action action)
    {
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        // CPU, not wall time: on a shared machine wall time mostly measures the other tenants. The thread's CPU is what
        // run.py measures for the anchors (time.thread_time); the process's also counts the threads a server or
        // background GC collects on, so that is the one to compare when the GC runs off the converting thread.
        var cpu = ThreadCpu.Seconds();
        var process = ThreadCpu.ProcessSeconds();
        var wall = Stopwatch.StartNew();
        action();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - bytes;
        return new Sample(wall.Elapsed.TotalSeconds, ThreadCpu.Seconds() - cpu, ThreadCpu.ProcessSeconds() - process, allocated);
    }

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string? Arg(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static List<string> Args(string[] args, string name) =>
        [.. Enumerable.Range(0, args.Length - 1).Where(i => args[i] == name).Select(i => args[i + 1])];

    private static IEnumerable<string> Positionals(string[] args)
    {
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] is "--floor" or "--threads" or "--gc")
            {
                continue;
            }

            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                i++;
                continue;
            }

            yield return args[i];
        }
    }

    private static void Print(JsonObject summary) => Console.WriteLine(summary.ToJsonString());
}
