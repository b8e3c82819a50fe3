namespace Loki.Core.Schemas;

/// <summary>
/// The candidate definitions of one class, newest first (<see cref="SchemaRank"/>), worked out the first time the
/// class is asked for and kept. Safe to share between threads (a batch converts on every core with one set).
/// </summary>
internal sealed class ClassCandidates
{
    private static readonly object NoLead = new(); // Lead worked out: none

    private readonly ClassCandidates? _base;
    private readonly IReadOnlyList<DumpDefinition> _added;
    private List<NodeSchema>? _list;
    private List<NodeSchema>? _weighed;
    private object? _lead;
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
    /// definition that ranks below the catalogue's by provenance and weighs the same as it (and the catalogue's, where
    /// a dump's definition ranks above it so and weighs the same) (the same
    /// <see cref="WidgetFitKey"/>, which a cached index marks): it could never be chosen, since the weighing keeps the
    /// higher-ranked of two that fit equally, so it is not parsed, nor read from a cached dump (issue 10).
    /// </summary>
    public List<NodeSchema> Weighed => Volatile.Read(ref _weighed) ?? LazyInitializer.EnsureInitialized(ref _weighed, ref _gate, WeighedList);

    /// <summary>
    /// The first of <see cref="Weighed"/> where it is known without parsing the rest: the catalogue's definition, where
    /// it outranks by provenance alone (a dump naming no version, or an older one) every dump definition left to weigh
    /// against it. Null where nothing is left to weigh against it (<see cref="Weighed"/> is one definition) or the rank
    /// depends on the definitions themselves. A node whose saved widgets fit it perfectly uses it whatever the others
    /// are (<c>CandidatePlan</c>): most nodes of a class a dump defines otherwise (another list of samplers) then never
    /// read, parse or weigh the dump's definition (issue 10). Fixed once worked out, whatever has been asked since:
    /// every node of the class is weighed the same way.
    /// </summary>
    public NodeSchema? Lead => (Volatile.Read(ref _lead) ?? Interlocked.CompareExchange(ref _lead, LeadOf() ?? NoLead, null) ?? _lead) as NodeSchema;

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

        // The other way round: a dump that outranks the catalogue (a newer ComfyUI) and weighs as it leaves the
        // catalogue's out (never chosen either), which is then not parsed.
        var outranked = _base is { _base: null } && _base._added.All(own => kept.Exists(d => SchemaRank.ByVersion(d.Origin, own.Origin) < 0 && d.WeighsAs(own)));
        return kept.Count == _added.Count && !outranked ? List : Rank(kept, withBase: !outranked);
    }

    // The catalogue's definition where it ranks first in Weighed by provenance alone: Rank starts from the catalogue's
    // list and inserts each kept definition after it (an older one that is the catalogue's own JSON is dropped), and
    // WeighedList leaves the catalogue's in (no kept definition outranks it). Null where every definition but the
    // catalogue's is left out or dropped so (nothing to weigh). Read from the definitions' origins and marks only.
    private NodeSchema? LeadOf()
    {
        if (_base is not { _base: null, _added: [var own] })
        {
            return null;
        }

        var others = 0;
        foreach (var definition in _added)
        {
            if (SchemaRank.ByVersion(own.Origin, definition.Origin) is not < 0)
            {
                return null;
            }

            others += WeighsAsBase(definition) || definition.IsTwinOf(own) ? 0 : 1;
        }

        return others == 0 ? null : _base.List[0];
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

    private List<NodeSchema> Rank() => Rank(_added, withBase: true);

    // Inserted one at a time in the order the dumps were given, as the eager load did (SchemaRank makes the result
    // independent of that order anyway).
    private List<NodeSchema> Rank(IReadOnlyList<DumpDefinition> added, bool withBase)
    {
        var list = _base is null || !withBase ? new List<NodeSchema>(added.Count) : [.. _base.List];
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
