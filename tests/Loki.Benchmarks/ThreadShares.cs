using System.Globalization;

namespace Loki.Benchmarks;

/// <summary>
/// The CPU each thread of this process has used, by thread name (Linux <c>/proc/self/task/*/schedstat</c>: nanoseconds
/// on a CPU; <c>comm</c>: the name the runtime gave the thread). The difference of two snapshots says where the process
/// CPU beyond the converting thread's went: the JIT's tiering thread, the background collector, the finalizer...
/// </summary>
internal static class ThreadShares
{
    /// <summary>Nanoseconds of CPU per thread (id, name) now; the calling thread is named "converting".</summary>
    public static Dictionary<int, (string Name, long Nanoseconds)> Snapshot()
    {
        var self = CurrentThreadId();
        var threads = new Dictionary<int, (string, long)>();
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            if (!int.TryParse(Path.GetFileName(task), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                continue;
            }

            try
            {
                var run = File.ReadAllText(Path.Combine(task, "schedstat")).Split(' ')[0];
                var name = id == self ? "converting" : File.ReadAllText(Path.Combine(task, "comm")).Trim();
                threads[id] = (name, long.Parse(run, NumberStyles.None, CultureInfo.InvariantCulture));
            }
            catch (IOException)
            {
                // the thread ended between the listing and the read: its CPU is gone with it
            }
        }

        return threads;
    }

    /// <summary>Seconds of CPU per thread name between two snapshots, largest first (threads born in between count whole).</summary>
    public static List<(string Name, double Seconds)> Between(Dictionary<int, (string Name, long Nanoseconds)> before, Dictionary<int, (string Name, long Nanoseconds)> after) =>
        [.. after.Select(t => (t.Value.Name, Ns: t.Value.Nanoseconds - (before.TryGetValue(t.Key, out var b) ? b.Nanoseconds : 0)))
            .GroupBy(t => t.Name, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Sum(t => t.Ns) / 1e9))
            .Where(t => t.Item2 > 0)
            .OrderByDescending(t => t.Item2)];

    // "/proc/thread-self" links to "/proc/PID/task/TID".
    private static int CurrentThreadId() =>
        int.Parse(Path.GetFileName(new DirectoryInfo("/proc/thread-self").LinkTarget!), NumberStyles.None, CultureInfo.InvariantCulture);
}
