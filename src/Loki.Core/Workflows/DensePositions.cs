namespace Loki.Core.Workflows;

/// <summary>
/// Positions by whole-number key for keys that lie close together, the first position of a repeated key kept: an int
/// per value in the keys' range instead of a dictionary entry. <see cref="UiNodeIndex"/> (node ids) and
/// <see cref="UiLinkTable"/> (link ids) both index this way: the frontend counts ids up from 1, with gaps where nodes or
/// links were deleted, so the range is a small multiple of the count and a lookup is one subtraction and one load.
/// </summary>
/// <remarks>
/// A struct, so that an index holds its array and minimum in its own fields (one object fewer per graph and per link
/// table), and a lookup of a default (empty) one finds nothing.
/// </remarks>
internal readonly struct DensePositions
{
    private readonly long _min;

    // Position + 1 of the first key equal to _min + k (0: none), at _slots[_offset + k] for k below _length: an array of
    // its own, or a part of lent memory's (WorkflowMemory), after the other indexes of the load.
    private readonly int[]? _slots;
    private readonly int _offset;
    private readonly int _length;

    private DensePositions(long min, int[] slots, int offset, int length)
    {
        _min = min;
        _slots = slots;
        _offset = offset;
        _length = length;
    }

    /// <summary>
    /// Whether <paramref name="count"/> keys between <paramref name="min"/> and <paramref name="max"/> are indexed this
    /// way: an int per value in the range costs no more than a dictionary's ~28 bytes a key while the range is within
    /// about seven times the count; four times (and a little) leaves room (a much-edited graph's ids have gaps).
    /// </summary>
    public static bool Fits(long min, long max, int count) =>
        count > 0 && min <= max && (ulong)(max - min) < (ulong)((4L * count) + 64);

    /// <summary>An empty index for keys from <paramref name="min"/> to <paramref name="max"/> (see <see cref="Fits"/>).</summary>
    public static DensePositions For(long min, long max) => new(min, new int[max - min + 1], 0, (int)(max - min + 1));

    /// <summary>An index for keys from <paramref name="min"/> on in <paramref name="length"/> zeroed values of <paramref name="slots"/> from <paramref name="offset"/>.</summary>
    public static DensePositions In(int[] slots, int offset, int length, long min) => new(min, slots, offset, length);

    /// <summary>Whether the index was made (a default one holds nothing and takes nothing).</summary>
    public bool IsMade => _slots is not null;

    /// <summary>
    /// Puts <paramref name="position"/> at <paramref name="key"/> (within the range the index was made for) unless a
    /// position is there already: true when it was added.
    /// </summary>
    public bool TryAdd(long key, int position)
    {
        ref var at = ref _slots![_offset + (int)(key - _min)];
        if (at != 0)
        {
            return false;
        }

        at = position + 1;
        return true;
    }

    /// <summary>The position at <paramref name="key"/>, or -1 (none, a key out of the range, or an index not made).</summary>
    public int Find(long key)
    {
        var k = key - _min;
        return _slots is { } slots && (ulong)k < (ulong)_length ? slots[_offset + (int)k] - 1 : -1;
    }
}
