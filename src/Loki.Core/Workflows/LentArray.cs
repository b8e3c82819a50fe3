namespace Loki.Core.Workflows;

/// <summary>
/// An array filled from the front, load after load (<see cref="WorkflowMemory"/> holds one per kind of value a graph
/// keeps): what a graph is given is the array itself and where its values lie in it, so a load that reuses the memory
/// allocates nothing for them once the array has grown to the largest file's size.
/// </summary>
/// <remarks>
/// Growing makes a new array and copies the values into it; a graph given the old array keeps it, and its values are
/// still there (nothing writes to an array once it has been replaced), so graphs of one load may hold different arrays.
/// </remarks>
internal sealed class LentArray<T>
{
    private T[] _items = [];

    /// <summary>The array the values are in now (it is replaced when it grows).</summary>
    public T[] Items => _items;

    /// <summary>How many values are in use, from the front.</summary>
    public int Count { get; private set; }

    /// <summary>Adds <paramref name="item"/> after the values in use.</summary>
    public void Add(in T item)
    {
        if (Count == _items.Length)
        {
            Grow(Count + 1);
        }

        _items[Count++] = item;
    }

    /// <summary>
    /// Takes <paramref name="count"/> values after those in use, zeroed (a dense index needs every position empty), and
    /// gives where they start in <see cref="Items"/>.
    /// </summary>
    public int TakeCleared(int count)
    {
        if (_items.Length - Count < count)
        {
            Grow(Count + count);
        }

        var start = Count;
        Array.Clear(_items, start, count);
        Count += count;
        return start;
    }

    /// <summary>Gives back the values from <paramref name="count"/> on (the next ones are written over them).</summary>
    public void Truncate(int count) => Count = count;

    /// <summary>
    /// Forgets every value, clearing those in use when they hold references (the thread's scratch must not keep a file's
    /// strings alive after its load).
    /// </summary>
    public void Reset(bool clear)
    {
        if (clear && System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            Array.Clear(_items, 0, Count);
        }

        Count = 0;
    }

    /// <summary>The values from <paramref name="start"/> to the end, copied into an array of their count.</summary>
    public T[] CopyFrom(int start) => Count == start ? [] : _items.AsSpan(start, Count - start).ToArray();

    // Doubling (at least 64), as a list grows: a few steps to the largest file's size, then never again.
    private void Grow(int needed)
    {
        var grown = new T[Math.Max(needed, Math.Max(64, _items.Length * 2))];
        _items.AsSpan(0, Count).CopyTo(grown);
        _items = grown;
    }
}
