namespace Loki.Core.Conversion.UiToApi;

/// <summary>
/// The node sides and slots one link walk of <see cref="LinkResolver"/> has passed (a side seen twice is a loop). A walk
/// nearly always passes two (the input, then the real output behind it) and rarely more than a chain of reroutes: those
/// are kept in a short list compared in place, and only a long walk moves into a hash set (a hash of the node id's text per
/// step was most of resolving a link).
/// </summary>
internal sealed class VisitedSlots
{
    private const int Inline = 32;

    [ThreadStatic]
    private static VisitedSlots? _forThread;

    private readonly (string Id, bool Output, int Slot)[] _few = new (string, bool, int)[Inline];
    private int _count;
    private HashSet<(string Id, bool Output, int Slot)>? _many;

    /// <summary>The thread's list (a conversion runs on one thread and walks one link at a time, clearing it first).</summary>
    public static VisitedSlots ForThread() => _forThread ??= new VisitedSlots();

    /// <summary>Forgets every side (a new walk begins).</summary>
    public void Clear()
    {
        _count = 0;
        _many?.Clear();
    }

    /// <summary>Notes a side; false when the walk has passed it already.</summary>
    public bool Add(string id, bool output, int slot)
    {
        if (_count < Inline)
        {
            for (var i = 0; i < _count; i++)
            {
                ref readonly var seen = ref _few[i];
                if (seen.Slot == slot && seen.Output == output && string.Equals(seen.Id, id, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            _few[_count++] = (id, output, slot);
            return true;
        }

        if (_count == Inline)
        {
            // The walk goes on past the short list: everything it passed moves into the set.
            _many ??= [];
            _many.Clear();
            foreach (var seen in _few)
            {
                _many.Add(seen);
            }

            _count++;
        }

        return _many!.Add((id, output, slot));
    }
}
