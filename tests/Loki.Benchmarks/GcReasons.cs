using System.Diagnostics.Tracing;

namespace Loki.Benchmarks;

/// <summary>
/// Counts the collections by generation and reason (the runtime's GCStart events: small allocation, large object
/// allocation, induced...), so that a steady mean above the median can be traced to what triggers the collections.
/// JIT build only: the Native AOT build has no EventSource support (<c>passes</c> prints null there).
/// </summary>
internal sealed class GcReasons : EventListener
{
    // GCStart_V2's Reason field (the runtime's gc_reason enum).
    private static readonly string[] Reasons = ["alloc_small", "induced", "low_memory", "empty", "alloc_large", "oos_soh", "oos_loh", "induced_noforce", "gc_stress", "induced_low_memory", "induced_compacting", "low_memory_host", "pm_full_gc", "low_memory_host_blocking", "bgc_tuning_soh", "bgc_tuning_loh", "bgc_stepping"];

    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>Whether counting is on (off until the steady half starts).</summary>
    public bool Counting { get; set; }

    /// <summary>Collections seen while counting, by "gen N, reason".</summary>
    public IReadOnlyDictionary<string, int> Counts
    {
        get
        {
            lock (_counts)
            {
                return new Dictionary<string, int>(_counts, StringComparer.Ordinal);
            }
        }
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Informational, (EventKeywords)1); // GC keyword
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!Counting || e.EventName is null || !e.EventName.StartsWith("GCStart", StringComparison.Ordinal) || e.Payload is null || e.PayloadNames is null)
        {
            return;
        }

        var depth = e.PayloadNames.IndexOf("Depth");
        var reason = e.PayloadNames.IndexOf("Reason");
        var r = reason >= 0 ? Convert.ToInt32(e.Payload[reason], System.Globalization.CultureInfo.InvariantCulture) : -1;
        var key = $"gen {(depth >= 0 ? e.Payload[depth] : "?")}, {(r >= 0 && r < Reasons.Length ? Reasons[r] : r.ToString(System.Globalization.CultureInfo.InvariantCulture))}";
        lock (_counts)
        {
            _counts[key] = _counts.GetValueOrDefault(key) + 1;
        }
    }
}
