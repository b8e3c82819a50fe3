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
    private readonly UiLinkFields[] _items;
    private readonly string _path;

    // The position by id: by value for ids close together, else (ids far apart) in a dictionary.
    private readonly DensePositions _dense;
    private readonly Dictionary<long, int>? _positions;

    private UiLink?[]? _objects;
    private Dictionary<long, UiLink>? _byId;

    private UiLinkTable(UiLinkFields[] items, string path, DensePositions dense, Dictionary<long, int>? positions)
    {
        _items = items;
        _path = path;
        _dense = dense;
        _positions = positions;
    }

    /// <summary>A table without links.</summary>
    public static UiLinkTable Empty { get; } = new([], string.Empty, default, null);

    /// <summary>The links <paramref name="read"/> in file order (of the <c>links</c> array at <paramref name="path"/>).</summary>
    public static UiLinkTable From(ReadOnlySpan<UiLinkFields> read, string path)
    {
        if (read.IsEmpty)
        {
            return new UiLinkTable([], path, default, null);
        }

        var (min, max) = (long.MaxValue, long.MinValue);
        foreach (var link in read)
        {
            (min, max) = (Math.Min(min, link.Id), Math.Max(max, link.Id));
        }

        var dense = DensePositions.Fits(min, max, read.Length) ? DensePositions.For(min, max) : default;
        var positions = dense.IsMade ? null : new Dictionary<long, int>(read.Length);
        var items = new UiLinkFields[read.Length];
        var count = 0;
        foreach (var link in read)
        {
            if (dense.IsMade ? dense.TryAdd(link.Id, count) : positions!.TryAdd(link.Id, count))
            {
                items[count++] = link;
            }
        }

        if (count < items.Length)
        {
            Array.Resize(ref items, count);
        }

        return new UiLinkTable(items, path, dense, positions);
    }

    /// <summary>How many links the table holds.</summary>
    public int Count => _items.Length;

    /// <summary>The links in file order.</summary>
    public ReadOnlySpan<UiLinkFields> Items => _items;

    /// <summary>The link at <paramref name="position"/>.</summary>
    public ref readonly UiLinkFields this[int position] => ref _items[position];

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
    public string PathOf(int position) => JsonPathText.Index(_path, _items[position].Index);

    /// <summary>The link at <paramref name="position"/> as an object (the same one on every call).</summary>
    public UiLink Object(int position)
    {
        var objects = _objects ??= new UiLink?[_items.Length];
        if (objects[position] is not { } link)
        {
            ref readonly var f = ref _items[position];
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
                var byId = new Dictionary<long, UiLink>(_items.Length);
                for (var i = 0; i < _items.Length; i++)
                {
                    byId.Add(_items[i].Id, Object(i));
                }

                _byId = byId;
            }

            return _byId;
        }
    }
}
