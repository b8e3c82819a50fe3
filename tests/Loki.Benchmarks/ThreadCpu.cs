using System.Runtime.InteropServices;

namespace Loki.Benchmarks;

/// <summary>
/// CPU clocks (Linux <c>clock_gettime</c>): the calling thread's (what Python's <c>time.thread_time</c> reads) and the
/// whole process's, which also counts the garbage collector's and the JIT's own threads.
/// </summary>
internal static partial class ThreadCpu
{
    private const int ClockProcessCpuTimeId = 2;
    private const int ClockThreadCpuTimeId = 3;

    /// <summary>Seconds of CPU this thread has used.</summary>
    public static double Seconds() => Read(ClockThreadCpuTimeId);

    /// <summary>Seconds of CPU every thread of this process has used.</summary>
    public static double ProcessSeconds() => Read(ClockProcessCpuTimeId);

    private static double Read(int clock)
    {
        if (ClockGetTime(clock, out var ts) != 0)
        {
            throw new InvalidOperationException("clock_gettime failed");
        }

        return ts.Seconds + (ts.Nanoseconds / 1e9);
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
