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
    private object? _gate;

    /// <summary>Ranks <paramref name="added"/> on top of the candidates of <paramref name="base"/> (the catalogue's, or none).</summary>
    public ClassCandidates(ClassCandidates? @base, IReadOnlyList<DumpDefinition> added)
    {
        _base = @base;
        _added = added;
    }

    /// <summary>The candidates, newest first; never empty.</summary>
    public List<NodeSchema> List => Volatile.Read(ref _list) ?? LazyInitializer.EnsureInitialized(ref _list, ref _gate, Rank); // (the method group is a new delegate per call: made only while unresolved)

    /// <summary>True once the candidates have been worked out.</summary>
    public bool IsResolved => Volatile.Read(ref _list) is not null;

    // Inserted one at a time in the order the dumps were given, as the eager load did (SchemaRank makes the result
    // independent of that order anyway).
    private List<NodeSchema> Rank()
    {
        var list = _base is null ? new List<NodeSchema>(_added.Count) : [.. _base.List];
        foreach (var definition in _added)
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
