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
/// or one file converted many times; one JSON summary line. <c>--conv parse</c> is the floor (System.Text.Json parse
/// only), <c>--conv load</c> the loader (parse, model, checks) without converting.
/// </summary>
internal static class PassRunner
{
    /// <summary>Runs <c>passes --conv convert|load|parse --schema FILE [--passes N] (--list FILE | FILE...)</c> or <c>--largest FILE --iters N</c>.</summary>
    public static int Run(string[] args)
    {
        var conv = Arg(args, "--conv") ?? "convert";
        var schemas = SchemaSet.Load([Arg(args, "--schema") ?? throw new ArgumentException("--schema FILE is required")], includeCatalogue: false);
        Func<string, string, object?> step = conv switch
        {
            "parse" => (text, _) => { using var doc = JsonDocument.Parse(text); return null; },
            "tree" => (text, file) => JsonSource.Parse(text, file, "LOKI0000"),
            "load" => (text, file) => WorkflowLoader.Parse(text, file),
            "convert" => (text, file) => Convert(text, file, schemas),
            _ => throw new ArgumentException("--conv convert|load|tree|parse"),
        };

        if (Arg(args, "--largest") is { } largest)
        {
            var text = File.ReadAllText(largest);
            var iters = int.Parse(Arg(args, "--iters") ?? "20", CultureInfo.InvariantCulture);
            var times = new List<(double Wall, double Cpu)>();
            for (var i = 0; i < iters; i++)
            {
                times.Add(Time(() => step(text, largest)));
            }

            Print(new JsonObject { ["conv"] = conv, ["file"] = largest, ["iters"] = iters, ["first_s"] = times[0].Wall, ["steady_median_s"] = Median(times.Skip(iters / 2).Select(t => t.Wall)), ["steady_cpu_median_s"] = Median(times.Skip(iters / 2).Select(t => t.Cpu)) });
            return 0;
        }

        var files = Positionals(args).ToList();
        if (Arg(args, "--list") is { } list)
        {
            files.AddRange(File.ReadAllLines(list).Where(l => l.Trim().Length > 0));
        }

        var passes = int.Parse(Arg(args, "--passes") ?? "1", CultureInfo.InvariantCulture);
        var failures = 0;
        var results = new List<(double Wall, double Cpu)>();
        for (var p = 0; p < passes; p++)
        {
            results.Add(Time(() =>
            {
                foreach (var file in files)
                {
                    try
                    {
                        step(File.ReadAllText(file), file);
                    }
                    catch (Exception) when (p > 0)
                    {
                    }
                    catch (Exception)
                    {
                        failures++;
                    }
                }
            }));
        }

        var steady = results.Skip(passes / 2).ToList();
        Print(new JsonObject
        {
            ["conv"] = conv, ["files"] = files.Count, ["failures"] = failures,
            ["passes_s"] = new JsonArray([.. results.Select(r => (JsonNode)r.Wall)]), ["passes_cpu_s"] = new JsonArray([.. results.Select(r => (JsonNode)r.Cpu)]),
            ["cold_s"] = results[0].Wall, ["cold_cpu_s"] = results[0].Cpu,
            ["steady_median_s"] = Median(steady.Select(r => r.Wall)), ["steady_cpu_median_s"] = Median(steady.Select(r => r.Cpu)),
        });
        return 0;
    }

    private static string? Convert(string text, string file, SchemaSet schemas)
    {
        var loaded = WorkflowLoader.Parse(text, file);
        if (loaded.Ui is not { } ui)
        {
            return null;
        }

        var result = UiToApiConverter.Convert(ui, schemas, UiToApiOptions.Default, file);
        return result.Succeeded ? CanonicalJson.Write(result.Prompt) : null;
    }

    private static (double Wall, double Cpu) Time(Action action)
    {
        // Thread CPU, as run.py measures the anchors (time.thread_time): on a shared machine wall time mostly
        // measures the other tenants. The background GC and tiered-JIT threads are not counted (nor are Python's).
        var cpu = ThreadCpu.Seconds();
        var wall = Stopwatch.StartNew();
        action();
        return (wall.Elapsed.TotalSeconds, ThreadCpu.Seconds() - cpu);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string? Arg(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static IEnumerable<string> Positionals(string[] args)
    {
        for (var i = 1; i < args.Length; i++)
        {
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
