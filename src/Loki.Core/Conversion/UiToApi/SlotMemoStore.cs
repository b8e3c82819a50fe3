namespace Loki.Core.Conversion.UiToApi;

/// <summary>
/// The <see cref="SlotMemo"/>s of one conversion, one run per node a walk passes through (<see cref="FlatNode.MemoStart"/>),
/// in one array kept by the thread and emptied after each conversion: an array per reroute was a twelfth of what
/// converting a large graph of reroutes allocated (the 976-node corpus workflow has 623).
/// </summary>
internal sealed class SlotMemoStore
{
    [ThreadStatic]
    private static SlotMemoStore? _forThread;

    private SlotMemo[] _items = new SlotMemo[256];
    private int _count;

    /// <summary>The thread's store (a conversion runs on one thread).</summary>
    public static SlotMemoStore ForThread() => _forThread ??= new SlotMemoStore();

    /// <summary>
    /// Memo <paramref name="slot"/> of <paramref name="node"/>, whose run of <paramref name="count"/> memos is made on
    /// first use. No other run may be made while the reference is held (the array may move).
    /// </summary>
    public ref SlotMemo At(FlatNode node, int slot, int count)
    {
        if (node.MemoStart < 0)
        {
            if (_count + count > _items.Length)
            {
                Array.Resize(ref _items, Math.Max(_items.Length * 2, _count + count));
            }

            node.MemoStart = _count;
            _count += count;
        }

        return ref _items[node.MemoStart + slot];
    }

    /// <summary>Memo <paramref name="slot"/> of a node whose run is made (<see cref="FlatNode.MemoStart"/> at least 0).</summary>
    public ref readonly SlotMemo Made(FlatNode node, int slot) => ref _items[node.MemoStart + slot];

    /// <summary>Forgets every memo once the conversion is done (they point into its nodes).</summary>
    public void Clear()
    {
        Array.Clear(_items, 0, _count);
        _count = 0;
        if (_items.Length > 1 << 16)
        {
            // A rare huge workflow does not pin its memos for the thread's life.
            _items = new SlotMemo[256];
        }
    }
}
