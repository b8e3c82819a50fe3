namespace Loki.Core.Conversion.UiToApi;

/// <summary>One node side and slot a link walk passed.</summary>
/// <param name="Node">The flattened node (compared by reference: one execution id is one node).</param>
/// <param name="Output">True for the output side.</param>
/// <param name="Slot">The slot.</param>
internal readonly record struct VisitedSide(FlatNode Node, bool Output, int Slot);

/// <summary>
/// The node sides and slots one link walk of <see cref="LinkResolver"/> has passed, in the order it passed them (a side
/// seen twice is a loop; the order tells which reroutes a finished walk can remember, see <see cref="RerouteMemo"/>).
/// A walk nearly always passes two (the input, then the real output behind it) and rarely more than a chain of reroutes:
/// those are compared in place by node reference (the id's text compared per step was most of resolving a link), and
/// only a long walk also keeps a hash set.
/// </summary>
internal sealed class VisitedSlots
{
    private const int Inline = 32;

    [ThreadStatic]
    private static VisitedSlots? _forThread;

    private VisitedSide[] _sides = new VisitedSide[Inline];
    private int _count;
    private HashSet<VisitedSide>? _many;

    /// <summary>The thread's list (a conversion runs on one thread and walks one link at a time, clearing it first).</summary>
    public static VisitedSlots ForThread() => _forThread ??= new VisitedSlots();

    /// <summary>How many sides the walk has passed.</summary>
    public int Count => _count;

    /// <summary>The side passed <paramref name="index"/>-th.</summary>
    public ref readonly VisitedSide this[int index] => ref _sides[index];

    /// <summary>Forgets every side (a new walk begins); the nodes are let go, as the list outlives the conversion.</summary>
    public void Clear()
    {
        Array.Clear(_sides, 0, _count);
        _count = 0;
        _many?.Clear();
    }

    /// <summary>Notes a side; false when the walk has passed it already.</summary>
    public bool Add(FlatNode node, bool output, int slot)
    {
        var side = new VisitedSide(node, output, slot);
        if (_count < Inline)
        {
            for (var i = 0; i < _count; i++)
            {
                ref readonly var seen = ref _sides[i];
                if (ReferenceEquals(seen.Node, node) && seen.Slot == slot && seen.Output == output)
                {
                    return false;
                }
            }
        }
        else
        {
            if (_count == Inline)
            {
                // The walk goes on past the short list: everything it passed goes into the set too.
                _many ??= [];
                _many.Clear();
                foreach (var seen in _sides.AsSpan(0, _count))
                {
                    _many.Add(seen);
                }
            }

            if (!_many!.Add(side))
            {
                return false;
            }

            if (_count == _sides.Length)
            {
                Array.Resize(ref _sides, _sides.Length * 2);
            }
        }

        _sides[_count++] = side;
        return true;
    }
}
