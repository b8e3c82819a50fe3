namespace Loki.Core.Schemas;

/// <summary>
/// The classes of one dump as a <see cref="SchemaSet"/> looks them up: a map of its definitions (a dump read now), or
/// its cached index looked up piece by piece (<see cref="CachedDump"/>), where a class no one asks for costs nothing.
/// </summary>
internal sealed class DumpLayer
{
    private readonly IReadOnlyList<(string ClassType, DumpDefinition Definition)>? _list;
    private readonly Dictionary<string, List<DumpDefinition>>? _byClass;
    private readonly CachedDump? _cached;
    private readonly DumpIndex? _index;
    private readonly SchemaOrigin? _origin;

    private DumpLayer(IReadOnlyList<(string, DumpDefinition)> list)
    {
        _list = list;
        _byClass = new Dictionary<string, List<DumpDefinition>>(list.Count, StringComparer.Ordinal);
        foreach (var (classType, definition) in list)
        {
            if (!_byClass.TryGetValue(classType, out var definitions))
            {
                _byClass[classType] = definitions = [];
            }

            definitions.Add(definition);
        }
    }

    private DumpLayer(CachedDump cached) => _cached = cached;

    private DumpLayer(DumpIndex index, SchemaOrigin origin) => (_index, _origin) = (index, origin);

    /// <summary>Every definition, in the dump's order (the eager load and <see cref="SchemaSet"/>'s full list).</summary>
    public IEnumerable<(string ClassType, DumpDefinition Definition)> Definitions =>
        _list ?? _cached?.Definitions ?? Indexed();

    /// <summary>Every class with a definition.</summary>
    public IEnumerable<string> ClassTypes => _byClass?.Keys ?? _cached?.ClassTypes ?? Indexed().Select(d => d.ClassType);

    /// <summary>A layer of definitions read now.</summary>
    public static DumpLayer Of(IReadOnlyList<(string, DumpDefinition)> definitions) => new(definitions);

    /// <summary>
    /// A layer on a dump indexed now (<see cref="DumpIndex.TryBuild"/>), each definition made when its class is first
    /// asked for (a dump's first run made one object and one list per class of the dump, ~300 KB for 2,068 classes).
    /// </summary>
    public static DumpLayer Of(DumpIndex index, SchemaOrigin origin) => new(index, origin);

    /// <summary>A layer on a cached index, whose definitions are read from the dump when asked for.</summary>
    public static DumpLayer Of(CachedDump cached) => new(cached);

    /// <summary>Adds this dump's definitions of <paramref name="classType"/> to <paramref name="into"/> (made when the first is found).</summary>
    public void Collect(string classType, ref List<DumpDefinition>? into)
    {
        if (_byClass is not null)
        {
            if (_byClass.TryGetValue(classType, out var definitions))
            {
                (into ??= []).AddRange(definitions);
            }
        }
        else if (_cached is not null)
        {
            _cached.Collect(classType, ref into);
        }
        else if (_index!.Find(classType) is { Problem: null } entry)
        {
            (into ??= []).Add(new DumpDefinition(_index, entry, _origin!));
        }
    }

    private IEnumerable<(string ClassType, DumpDefinition Definition)> Indexed() =>
        _index!.Entries.Where(e => e.Problem is null).Select(e => (e.ClassType, new DumpDefinition(_index, e, _origin!)));
}
