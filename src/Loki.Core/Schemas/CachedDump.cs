namespace Loki.Core.Schemas;

/// <summary>
/// A dump whose index came from the cache (<see cref="DumpIndexCache.Open"/>): its classes are looked up in the index
/// file piece by piece (<see cref="DumpIndexTable"/>) and their definitions read from the dump when first asked
/// for. Where a piece of the index fails its check (a cache file cut short, altered or replaced under the run), the
/// dump itself is read, checked and indexed whole, as without a cache, its index stored again, and every later
/// look-up answered from that: the same classes, definitions and errors as a run with a sound index.
/// </summary>
internal sealed class CachedDump
{
    private readonly DumpIndexTable _table;
    private readonly DumpFileText _file;
    private readonly DumpIndex _text;
    private readonly SchemaOrigin _origin;
    private readonly DumpIndexCache _cache;
    private readonly DumpFileIdentity _identity;
    private readonly object _gate = new();
    private DumpLayer? _whole;

    /// <summary>The dump <paramref name="file"/> (identity <paramref name="identity"/>, opened when first read) with its cached index <paramref name="table"/>.</summary>
    public CachedDump(DumpIndexTable table, DumpFileText file, DumpFileIdentity identity, SchemaOrigin origin, DumpIndexCache cache)
    {
        (_table, _file, _identity, _origin, _cache) = (table, file, identity, origin, cache);
        _text = DumpIndex.OnFile(file);
    }

    /// <summary>The cached index.</summary>
    public DumpIndexTable Table => _table;

    /// <summary>Every definition, in the dump's order.</summary>
    public IEnumerable<(string ClassType, DumpDefinition Definition)> Definitions =>
        Volatile.Read(ref _whole) is { } whole ? whole.Definitions
        : _table.Definitions() is { } entries ? entries.Select(e => (e.ClassType, new DumpDefinition(_text, e, _origin)))
        : Whole().Definitions;

    /// <summary>Every class with a definition.</summary>
    public IEnumerable<string> ClassTypes => Definitions.Select(d => d.ClassType);

    /// <summary>Adds the dump's definition of <paramref name="classType"/> to <paramref name="into"/> (made when found).</summary>
    public void Collect(string classType, ref List<DumpDefinition>? into)
    {
        if (Volatile.Read(ref _whole) is { } whole)
        {
            whole.Collect(classType, ref into);
            return;
        }

        switch (_table.Find(classType, out var entry))
        {
            case DumpIndexTable.Lookup.Found:
                (into ??= []).Add(new DumpDefinition(_text, entry, _origin));
                break;
            case DumpIndexTable.Lookup.Damaged:
                Whole().Collect(classType, ref into);
                break;
        }
    }

    // The dump read whole, once: the file must still be the one the index was trusted for (a changed dump is an error
    // naming it, as a definition read from it would be). Its warnings were given at load.
    private DumpLayer Whole()
    {
        lock (_gate)
        {
            if (_whole is { } done)
            {
                return done;
            }

            var bytes = _file.ReadAll();
            var index = DumpIndex.TryBuild(bytes) ?? throw _file.Changed();
            _cache.Damaged(_file.Path, _identity, bytes.Length, index);
            var layer = DumpLayer.Of(index, _origin);
            Volatile.Write(ref _whole, layer);
            return layer;
        }
    }
}
