namespace Loki.Core.Workflows;

/// <summary>
/// A graph's links, in file order with the first of a repeated id kept, found by id: the values in one array, indexed
/// by an array of positions when the ids lie close together (they count up from 1, with gaps where links were deleted:
/// the 976-node corpus workflow's 1,338 ids lie between 9 and 3,463), else by a dictionary. A <see cref="UiLink"/> per
/// link and the id dictionary <see cref="UiGraph.Links"/> gives are made only when asked for: that workflow's links as
/// objects in a dictionary were a fifth of what converting it allocated.
/// </summary>
internal sealed class UiLinkTable
{
    // The links are _items[_start .. _start + _count): an array of their own, or a part of lent memory's (WorkflowMemory).
    private readonly UiLinkFields[] _items;
    private readonly int _start;
    private readonly int _count;
    private readonly string _path;

    // The position by id: by value for ids close together, else (ids far apart) in a dictionary.
    private readonly DensePositions _dense;
    private readonly Dictionary<long, int>? _positions;

    private UiLink?[]? _objects;
    private Dictionary<long, UiLink>? _byId;

    private UiLinkTable(UiLinkFields[] items, int start, int count, string path, DensePositions dense, Dictionary<long, int>? positions)
    {
        _items = items;
        _start = start;
        _count = count;
        _path = path;
        _dense = dense;
        _positions = positions;
    }

    /// <summary>A table without links.</summary>
    public static UiLinkTable Empty { get; } = new([], 0, 0, string.Empty, default, null);

    /// <summary>The links <paramref name="read"/> in file order (of the <c>links</c> array at <paramref name="path"/>).</summary>
    public static UiLinkTable From(ReadOnlySpan<UiLinkFields> read, string path)
    {
        if (read.IsEmpty)
        {
            return new UiLinkTable([], 0, 0, path, default, null);
        }

        var (dense, positions) = Index(read, null);
        var items = new UiLinkFields[read.Length];
        var count = Keep(read, items, 0, dense, positions);
        if (count < items.Length)
        {
            Array.Resize(ref items, count);
        }

        return new UiLinkTable(items, 0, count, path, dense, positions);
    }

    /// <summary>
    /// The links <paramref name="memory"/> holds from <paramref name="start"/> on, read from the <c>links</c> array at
    /// <paramref name="path"/>: in lent memory, kept where they are (a repeated id's moved out, the rest moved up over
    /// it) and indexed there; in the thread's scratch, copied into an array of their own.
    /// </summary>
    internal static UiLinkTable From(WorkflowMemory memory, int start, string path)
    {
        var links = memory.Links;
        if (!memory.Lends)
        {
            return From(links.Items.AsSpan(start, links.Count - start), path);
        }

        var read = links.Items.AsSpan(start, links.Count - start);
        if (read.IsEmpty)
        {
            return new UiLinkTable([], 0, 0, path, default, null);
        }

        var (dense, positions) = Index(read, memory);
        var count = Keep(read, links.Items, start, dense, positions);
        links.Truncate(start + count);
        return new UiLinkTable(links.Items, start, count, path, dense, positions);
    }

    // The empty index for the ids of `read`: dense (in lent memory when given) when they lie close together.
    private static (DensePositions Dense, Dictionary<long, int>? Positions) Index(ReadOnlySpan<UiLinkFields> read, WorkflowMemory? memory)
    {
        var (min, max) = (long.MaxValue, long.MinValue);
        foreach (var link in read)
        {
            (min, max) = (Math.Min(min, link.Id), Math.Max(max, link.Id));
        }

        if (!DensePositions.Fits(min, max, read.Length))
        {
            return (default, new Dictionary<long, int>(read.Length));
        }

        return (memory is null ? DensePositions.For(min, max) : memory.Dense(min, max), null);
    }

    // Writes the first link of each id to `into` from `at` on, in order, indexing each; how many it wrote. `into` may be
    // the array `read` lies in, at `read`'s start: each link is written at or before where it was read, after it was read.
    private static int Keep(ReadOnlySpan<UiLinkFields> read, UiLinkFields[] into, int at, DensePositions dense, Dictionary<long, int>? positions)
    {
        var count = 0;
        for (var i = 0; i < read.Length; i++)
        {
            var link = read[i];
            if (dense.IsMade ? dense.TryAdd(link.Id, count) : positions!.TryAdd(link.Id, count))
            {
                into[at + count++] = link;
            }
        }

        return count;
    }

    /// <summary>How many links the table holds.</summary>
    public int Count => _count;

    /// <summary>The links in file order.</summary>
    public ReadOnlySpan<UiLinkFields> Items => new(_items, _start, _count);

    /// <summary>The link at <paramref name="position"/>.</summary>
    public ref readonly UiLinkFields this[int position] => ref _items[_start + position];

    /// <summary>The position of the link with id <paramref name="id"/>, or -1.</summary>
    public int Find(long id)
    {
        if (_positions is null)
        {
            // By value (an empty table has neither: its default index finds nothing).
            return _dense.Find(id);
        }

        return _positions.TryGetValue(id, out var position) ? position : -1;
    }

    /// <summary>Where the link at <paramref name="position"/> sits in its file.</summary>
    public string PathOf(int position) => JsonPathText.Index(_path, this[position].Index);

    /// <summary>The link at <paramref name="position"/> as an object (the same one on every call).</summary>
    public UiLink Object(int position)
    {
        var objects = _objects ??= new UiLink?[_count];
        if (objects[position] is not { } link)
        {
            ref readonly var f = ref this[position];
            objects[position] = link = new UiLink(f.Id, f.OriginId, f.OriginSlot, f.TargetId, f.TargetSlot, f.Type, _path, f.Index);
        }

        return link;
    }

    /// <summary>The links by id, in file order (made on first use).</summary>
    public Dictionary<long, UiLink> ById
    {
        get
        {
            if (_byId is null)
            {
                var byId = new Dictionary<long, UiLink>(_count);
                for (var i = 0; i < _count; i++)
                {
                    byId.Add(this[i].Id, Object(i));
                }

                _byId = byId;
            }

            return _byId;
        }
    }
}
