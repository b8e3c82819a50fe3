using Loki.Core.Workflows;

namespace Loki.Core.Conversion.UiToApi;

/// <summary>
/// The <see cref="FlatNode"/>s of the thread's conversions, made once and lent again to each: a node per UI node, reroutes
/// included, was a fifth of what converting the 976-node corpus workflow allocated (974 nodes, ~106 KB of its 531 KB),
/// and fresh memory costs the conversion itself (clearing it, page faults), not only the collector.
/// <para>
/// A conversion runs on one thread and no FlatNode outlives it (the prompt keeps ids and values, never nodes): the
/// flattener rents every node it makes here and <see cref="Release"/> takes them all back when the conversion ends,
/// letting go of everything they pointed to, so a pooled node never keeps a finished workflow alive.
/// </para>
/// </summary>
internal sealed class FlatNodePool
{
    // Past this many nodes the pool starts small again after a conversion, so that a rare huge workflow does not pin
    // its nodes for the thread's life (as the flattener's tables and the memo store do).
    private const int KeptAtMost = 1 << 16;

    [ThreadStatic]
    private static FlatNodePool? _forThread;

    private FlatNode?[] _items = new FlatNode?[256];
    private int _lent;

    /// <summary>The thread's pool.</summary>
    public static FlatNodePool ForThread() => _forThread ??= new FlatNodePool();

    /// <summary>How many nodes are lent to the conversion under way.</summary>
    public int Lent => _lent;

    /// <summary>How many nodes the pool holds, lent or not (tests: the pool is reused, and shrinks after a huge graph).</summary>
    public int Held
    {
        get
        {
            var held = 0;
            while (held < _items.Length && _items[held] is not null)
            {
                held++;
            }

            return held;
        }
    }

    /// <summary>A node for <paramref name="node"/>, as a new <see cref="FlatNode"/> would start (no widgets, schema or memos).</summary>
    public FlatNode Rent(string id, UiNode node, IReadOnlyList<string> path, FlatNode? instance, string classType, FlatNodeKind kind)
    {
        if (_lent == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        var flat = _items[_lent] ??= new FlatNode();
        _lent++;
        flat.Reset(id, node, path, instance, classType, kind);
        return flat;
    }

    /// <summary>Takes back every lent node once the conversion is done with them, each emptied.</summary>
    public void Release()
    {
        foreach (var flat in _items.AsSpan(0, _lent))
        {
            flat!.Forget();
        }

        _lent = 0;
        if (_items.Length > KeptAtMost)
        {
            _items = new FlatNode?[256];
        }
    }
}
