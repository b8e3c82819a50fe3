using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Loki.Core.Flows;

/// <summary>
/// Counts, per flow file, how often a flow is loaded (read, UI → API, analysed) and emitted (script, node, config)
/// while a tally is open, so a build can say, and a test can check, that each flow was converted once. Open one with
/// <see cref="Begin"/>: it follows the async flow (and <see cref="Parallel"/> loops) of the code that opened it, so
/// two builds in one process count apart.
/// </summary>
public sealed class FlowConversionTally : IDisposable
{
    private static readonly AsyncLocal<FlowConversionTally?> Current = new();

    private readonly ConcurrentDictionary<string, int> _loads = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _emits = new(StringComparer.Ordinal);
    private readonly FlowConversionTally? _outer;

    private FlowConversionTally(FlowConversionTally? outer) => _outer = outer;

    /// <summary>Loads per flow file (full path).</summary>
    public ImmutableSortedDictionary<string, int> Loads => _loads.ToImmutableSortedDictionary(StringComparer.Ordinal);

    /// <summary>Emits (flow → script, node and config files) per flow file (full path).</summary>
    public ImmutableSortedDictionary<string, int> Emits => _emits.ToImmutableSortedDictionary(StringComparer.Ordinal);

    /// <summary>Opens a tally for the calling code and what it starts; dispose to close it.</summary>
    public static FlowConversionTally Begin()
    {
        var tally = new FlowConversionTally(Current.Value);
        Current.Value = tally;
        return tally;
    }

    /// <summary>Records a load of <paramref name="flowPath"/> in the open tallies.</summary>
    internal static void Loaded(string flowPath) => Record(flowPath, t => t._loads);

    /// <summary>Records an emit of <paramref name="flowPath"/> in the open tallies.</summary>
    internal static void Emitted(string flowPath) => Record(flowPath, t => t._emits);

    /// <inheritdoc/>
    public void Dispose()
    {
        if (ReferenceEquals(Current.Value, this))
        {
            Current.Value = _outer;
        }
    }

    private static void Record(string flowPath, Func<FlowConversionTally, ConcurrentDictionary<string, int>> counts)
    {
        var full = Path.GetFullPath(flowPath);
        for (var tally = Current.Value; tally is not null; tally = tally._outer)
        {
            counts(tally).AddOrUpdate(full, 1, (_, n) => n + 1);
        }
    }
}
