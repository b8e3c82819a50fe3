namespace Loki.Core.Schemas;

/// <summary>
/// The classes of one dump as a <see cref="SchemaSet"/> looks them up: a map of its definitions (a dump read now), or
/// its cached index looked up in place (<see cref="DumpIndexTable"/>), where a class no one asks for costs nothing.
/// </summary>
internal sealed class DumpLayer
{
    private readonly IReadOnlyList<(string ClassType, DumpDefinition Definition)>? _list;
    private readonly Dictionary<string, List<DumpDefinition>>? _byClass;
    private readonly DumpIndexTable? _table;
    private readonly DumpIndex? _text;
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

    private DumpLayer(DumpIndexTable table, DumpIndex text, SchemaOrigin origin)
    {
        _table = table;
        _text = text;
        _origin = origin;
    }

    /// <summary>Every definition, in the dump's order (the eager load and <see cref="SchemaSet"/>'s full list).</summary>
    public IEnumerable<(string ClassType, DumpDefinition Definition)> Definitions =>
        _list ?? _table!.Definitions.Select(e => (e.ClassType, new DumpDefinition(_text!, e, _origin!)));

    /// <summary>Every class with a definition.</summary>
    public IEnumerable<string> ClassTypes => _byClass?.Keys ?? _table!.Definitions.Select(e => e.ClassType);

    /// <summary>A layer of definitions read now.</summary>
    public static DumpLayer Of(IReadOnlyList<(string, DumpDefinition)> definitions) => new(definitions);

    /// <summary>A layer on a cached index, whose definitions are read from <paramref name="text"/> when asked for.</summary>
    public static DumpLayer Of(DumpIndexTable table, DumpIndex text, SchemaOrigin origin) => new(table, text, origin);

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
        else if (_table!.Find(classType) is { } entry)
        {
            (into ??= []).Add(new DumpDefinition(_text!, entry, _origin!));
        }
    }
}
