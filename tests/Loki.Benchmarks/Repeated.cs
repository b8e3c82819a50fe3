using System.Text.Json.Nodes;

namespace Loki.Benchmarks;

/// <summary>One timed step: wall seconds, the converting thread's CPU, the whole process's CPU, bytes it allocated.</summary>
internal readonly record struct Sample(double Wall, double Cpu, double ProcessCpu, long Allocated);

/// <summary>
/// The samples of one <c>passes</c> run: the step's, the same-process floor's when <c>--floor</c> asked for it, and the
/// steady half's process CPU by thread when <c>--threads</c> did. Steady = the second half (the JIT reaches tier-1 code
/// method by method over the first ones; the native build is steady at once, and reported the same way).
/// </summary>
internal sealed record Repeated(List<Sample> Steps, List<Sample>? Floors, List<(string Name, double Seconds)>? Threads, IReadOnlyDictionary<string, int>? GcCounts)
{
    /// <summary>The summary fields every mode prints, added to <paramref name="summary"/>.</summary>
    public JsonObject Describe(JsonObject summary)
    {
        // The mean beside the median: a collection lands on one step in several, so the median step is one without
        // and the mean is the one that carries each step's share of the collections its garbage causes.
        AddSteady(summary, string.Empty, Steps);
        summary["gen0_collections"] = GC.CollectionCount(0);
        summary["gen1_collections"] = GC.CollectionCount(1);
        summary["gen2_collections"] = GC.CollectionCount(2);
        summary["runtime"] = RuntimeReport.Describe();
        if (Floors is { Count: > 0 })
        {
            // The parse floor measured in this process, alternated with the step: the ratios need no second process.
            AddSteady(summary, "floor_", Floors);
            summary["ratio_cpu"] = (double)summary["steady_cpu_median_s"]! / (double)summary["floor_steady_cpu_median_s"]!;
            summary["ratio_process_cpu"] = (double)summary["steady_process_cpu_median_s"]! / (double)summary["floor_steady_process_cpu_median_s"]!;
            summary["ratio_process_cpu_mean"] = (double)summary["steady_process_cpu_mean_s"]! / (double)summary["floor_steady_process_cpu_mean_s"]!;
        }

        if (Threads is not null)
        {
            // Per step of the steady half (with --floor, a floor's share rides along: steps and floors alternate).
            var steps = Steady(Steps).Count;
            var shares = new JsonObject();
            foreach (var (name, seconds) in Threads)
            {
                shares[name] = seconds / steps;
            }

            summary["threads_steady_cpu_per_step_s"] = shares;
        }

        if (GcCounts is not null)
        {
            var counts = new JsonObject();
            foreach (var (key, n) in GcCounts.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                counts[key] = n;
            }

            summary["gc_steady_collections"] = counts;
        }

        return summary;
    }

    private static void AddSteady(JsonObject summary, string prefix, List<Sample> samples)
    {
        var steady = Steady(samples);
        summary[prefix + "steady_median_s"] = PassRunner.Median(steady.Select(s => s.Wall));
        summary[prefix + "steady_cpu_median_s"] = PassRunner.Median(steady.Select(s => s.Cpu));
        summary[prefix + "steady_process_cpu_median_s"] = PassRunner.Median(steady.Select(s => s.ProcessCpu));
        summary[prefix + "steady_cpu_mean_s"] = steady.Average(s => s.Cpu);
        summary[prefix + "steady_process_cpu_mean_s"] = steady.Average(s => s.ProcessCpu);
        // Bytes the converting thread allocated in the last step (allocation drives the GC, and is not noisy).
        summary[prefix + "allocated_bytes"] = samples[^1].Allocated;
    }

    private static List<Sample> Steady(List<Sample> samples) => [.. samples.Skip(samples.Count / 2)];
}
