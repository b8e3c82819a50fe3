namespace Loki.Core.Schemas;

/// <summary>
/// The candidate definitions of one class, newest first (<see cref="SchemaRank"/>), worked out the first time the
/// class is asked for and kept. Safe to share between threads (a batch converts on every core with one set).
/// </summary>
internal sealed class ClassCandidates
{
    private readonly ClassCandidates? _base;
    private readonly IReadOnlyList<DumpDefinition> _added;
    private List<NodeSchema>? _list;
    private List<NodeSchema>? _weighed;
    private object? _gate;

    /// <summary>Ranks <paramref name="added"/> on top of the candidates of <paramref name="base"/> (the catalogue's, or none).</summary>
    public ClassCandidates(ClassCandidates? @base, IReadOnlyList<DumpDefinition> added)
    {
        _base = @base;
        _added = added;
    }

    /// <summary>The candidates, newest first; never empty.</summary>
    public List<NodeSchema> List => Volatile.Read(ref _list) ?? LazyInitializer.EnsureInitialized(ref _list, ref _gate, Rank); // (the method group is a new delegate per call: made only while unresolved)

    /// <summary>
    /// The candidates a node's saved widgets are weighed against (<c>SchemaChoice</c>): <see cref="List"/> less each
    /// definition that ranks below the catalogue's by provenance and weighs the same as it (the same
    /// <see cref="WidgetFitKey"/>, which a cached index marks): it could never be chosen, since the weighing keeps the
    /// higher-ranked of two that fit equally, so it is not parsed, nor read from a cached dump (issue 10).
    /// </summary>
    public List<NodeSchema> Weighed => Volatile.Read(ref _weighed) ?? LazyInitializer.EnsureInitialized(ref _weighed, ref _gate, WeighedList);

    /// <summary>True once the candidates have been worked out.</summary>
    public bool IsResolved => Volatile.Read(ref _list) is not null;

    private List<NodeSchema> WeighedList()
    {
        var kept = new List<DumpDefinition>(_added.Count);
        foreach (var definition in _added)
        {
            if (!WeighsAsBase(definition))
            {
                kept.Add(definition);
            }
        }

        return kept.Count == _added.Count ? List : Rank(kept);
    }

    // True when a definition of the base (the catalogue's) ranks above definition by provenance alone and has its key.
    private bool WeighsAsBase(DumpDefinition definition)
    {
        if (_base is null || _base._base is not null)
        {
            return false;
        }

        foreach (var own in _base._added)
        {
            if (SchemaRank.ByVersion(own.Origin, definition.Origin) < 0 && definition.WeighsAs(own))
            {
                return true;
            }
        }

        return false;
    }

    private List<NodeSchema> Rank() => Rank(_added);

    // Inserted one at a time in the order the dumps were given, as the eager load did (SchemaRank makes the result
    // independent of that order anyway).
    private List<NodeSchema> Rank(IReadOnlyList<DumpDefinition> added)
    {
        var list = _base is null ? new List<NodeSchema>(added.Count) : [.. _base.List];
        foreach (var definition in added)
        {
            SchemaRank.Insert(list, _base?.TwinOf(definition) ?? definition.Schema());
        }

        return list;
    }

    // One of this class's own definitions that is the same JSON as definition, parsed already, with definition's origin.
    private NodeSchema? TwinOf(DumpDefinition definition)
    {
        foreach (var own in _added)
        {
            if (definition.AsTwinOf(own) is { } twin)
            {
                return twin;
            }
        }

        return _base?.TwinOf(definition);
    }
}
