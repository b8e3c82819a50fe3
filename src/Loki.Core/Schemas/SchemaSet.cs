using System.Collections.Concurrent;
using System.Text;
using Loki.Core.Diagnostics;
using Loki.Core.Workflows;

namespace Loki.Core.Schemas;

/// <summary>
/// The node definitions conversion works against: one or more <c>/object_info</c> dumps, each class with every
/// distinct definition the dumps give it (<see cref="Candidates"/>, newest first; <see cref="Find"/> is the newest).
/// Which one a node uses is chosen per node from its saved widgets (<c>Conversion.UiToApi.SchemaChoice</c>), never by
/// the order files were read in. <see cref="Catalogue"/> holds the core nodes of the ComfyUI version in
/// <see cref="CatalogueComfyVersion"/>, shipped inside LOKI, so that core workflows convert with no flags.
/// </summary>
public sealed class SchemaSet
{
    private const string CompactCatalogueResource = "comfyui-0.3.64-core.catalogue";
    private const string CatalogueSource = "<catalogue:comfyui-0.3.64>";
    // The resource found once: a --schemas run asks for the catalogue's identity (a cached index is judged against it)
    // and its index, and each look-up lists the assembly's resources.
    private static readonly Lazy<ReadOnlyMemory<byte>> CatalogueBytes = new(() => Resource(CompactCatalogueResource));
    private static readonly Lazy<DumpIndex> CatalogueIndex = new(() => CompactCatalogue.Read(CatalogueBytes.Value));
    private static readonly Lazy<SchemaSet> CatalogueLazy = new(() => LoadCatalogue(lazy: true));
    private static readonly Lazy<ulong> CatalogueIdentityLazy = new(() => CompactCatalogue.Identity(CatalogueBytes.Value));
    private static readonly Lazy<Dictionary<string, DumpEntry>> CatalogueEntries = new(() => CatalogueIndex.Value.Entries.ToDictionary(e => e.ClassType, StringComparer.Ordinal));

    // Each class's candidates are ranked newest first (see SchemaRank), with no two identical definitions, the first
    // time the class is asked for: a run parses only the definitions of the classes it meets (issue 10). A set loaded
    // from dumps finds a class when first asked, in the dumps' layers over the catalogue (_asked), and makes the map of
    // all its classes (_nodes) only for a caller that wants them all: a run pays nothing for the classes it never meets.
    private readonly SchemaSet? _base;
    private readonly SchemaSet? _over;
    private readonly IReadOnlyList<DumpLayer> _layers;
    private readonly ConcurrentDictionary<string, ClassCandidates?>? _asked;
    private Dictionary<string, ClassCandidates>? _nodes;

    private SchemaSet(Dictionary<string, ClassCandidates> nodes, IReadOnlyList<LokiDiagnostic> diagnostics)
    {
        _nodes = nodes;
        _layers = [];
        Diagnostics = diagnostics;
    }

    private SchemaSet(SchemaSet? @base, IReadOnlyList<DumpLayer> layers, IReadOnlyList<LokiDiagnostic> diagnostics)
    {
        _base = @base;
        _layers = layers;
        _asked = new ConcurrentDictionary<string, ClassCandidates?>(StringComparer.Ordinal);
        Diagnostics = diagnostics;
    }

    private SchemaSet(SchemaSet under, SchemaSet over)
    {
        _base = under;
        _over = over;
        _layers = [];
        Diagnostics = [.. under.Diagnostics, .. over.Diagnostics];
    }

    /// <summary>An empty set.</summary>
    public static SchemaSet Empty { get; } = new(new Dictionary<string, ClassCandidates>(StringComparer.Ordinal), []);

    /// <summary>The shipped core catalogue (ComfyUI <see cref="CatalogueComfyVersion"/>, core nodes only).</summary>
    public static SchemaSet Catalogue => CatalogueLazy.Value;

    /// <summary>The ComfyUI version the shipped catalogue was dumped from.</summary>
    public static string CatalogueComfyVersion => "0.3.64";

    /// <summary>What names the shipped catalogue (the dump it was made from): a cached dump index is judged against it.</summary>
    internal static ulong CatalogueIdentity => CatalogueIdentityLazy.Value;

    /// <summary>Warnings met while loading (definitions that were skipped).</summary>
    public IReadOnlyList<LokiDiagnostic> Diagnostics { get; }

    /// <summary>The number of node classes.</summary>
    public int Count => Nodes().Count;

    /// <summary>Every class type, sorted ordinally.</summary>
    public IEnumerable<string> ClassTypes => Nodes().Keys.Order(StringComparer.Ordinal);

    /// <summary>The newest definition of <paramref name="classType"/>, or null.</summary>
    public NodeSchema? Find(string classType) => Lookup(classType)?.List[0];

    /// <summary>Every distinct definition of <paramref name="classType"/>, newest first (empty when none).</summary>
    public IReadOnlyList<NodeSchema> Candidates(string classType) => Lookup(classType)?.List ?? [];

    /// <summary>
    /// The candidates of <paramref name="classType"/> that a node's saved widgets are weighed against: <see cref="Candidates"/>
    /// less those that can never be chosen (see <c>ClassCandidates.Weighed</c>); the choice is the same, and a run does not
    /// read a cached dump's definition that the catalogue's outranks and weighs the same as.
    /// </summary>
    internal IReadOnlyList<NodeSchema> WeighedCandidates(string classType) => Lookup(classType)?.Weighed ?? [];

    /// <summary>The candidates of <paramref name="classType"/> as they are worked out, or null (<c>CandidatePlan</c> weighs a node against them).</summary>
    internal ClassCandidates? ClassOf(string classType) => Lookup(classType);

    /// <summary>True when <paramref name="classType"/> has a definition.</summary>
    public bool Contains(string classType) => Lookup(classType) is not null;

    /// <summary>
    /// Loads the dumps named by <paramref name="filesOrDirs"/> (a folder contributes every <c>*.json</c> under it), with
    /// the catalogue when <paramref name="includeCatalogue"/>. Every definition is kept as a candidate of its class;
    /// the order of the files does not matter. Each file is read and checked now; a class's definitions are parsed
    /// the first time it is asked for.
    /// </summary>
    public static SchemaSet Load(IEnumerable<string> filesOrDirs, bool includeCatalogue = true) => Load(filesOrDirs, includeCatalogue, lazy: true, cache: null);

    /// <summary>
    /// <see cref="Load(IEnumerable{string}, bool)"/> with each dump's index taken from <paramref name="cache"/> when it
    /// holds that file as it is now (and stored there otherwise): a run then reads only the definitions it uses.
    /// Same definitions, warnings and errors as without a cache.
    /// </summary>
    public static SchemaSet Load(IEnumerable<string> filesOrDirs, bool includeCatalogue, DumpIndexCache? cache) => Load(filesOrDirs, includeCatalogue, lazy: true, cache);

    /// <summary>Parses one dump held in memory (<paramref name="file"/> names it in diagnostics).</summary>
    public static SchemaSet Parse(string json, string file) => Parse(json, file, null);

    /// <summary>Parses one dump held in memory, taken from ComfyUI <paramref name="comfyVersion"/> when known.</summary>
    public static SchemaSet Parse(string json, string file, string? comfyVersion) => Parse(json, file, comfyVersion, lazy: true);

    /// <summary><see cref="Parse(string, string, string?)"/>; with <paramref name="lazy"/> false parsed whole (the tests' reference).</summary>
    internal static SchemaSet Parse(string json, string file, string? comfyVersion, bool lazy)
    {
        var origin = new SchemaOrigin(file, comfyVersion);
        var diagnostics = new List<LokiDiagnostic>();
        var definitions = lazy && DumpReader.Utf8Of(json) is { } utf8
            ? DumpReader.Read(utf8, () => json, origin, diagnostics)
            : DumpReader.Parsed(json, origin, diagnostics);
        return Build(null, [definitions], diagnostics, lazy);
    }

    /// <summary>
    /// Returns a set holding this one's definitions with <paramref name="other"/>'s replacing them class by class (the
    /// LOKI library over ComfyUI's nodes: a class <paramref name="other"/> defines keeps only its definitions).
    /// </summary>
    /// <remarks>Nothing is copied: a class is looked up in <paramref name="other"/>, then here (every run that converts
    /// with the LOKI library's nodes over a <c>--schemas</c> set merges, and meets only a few classes).</remarks>
    public SchemaSet Merge(SchemaSet other) => new(this, other);

    /// <summary>The shipped catalogue's text of <paramref name="classType"/>'s definition, or null (a dump index marks the classes whose text it is).</summary>
    internal static ReadOnlyMemory<byte>? CatalogueTextOf(string classType) =>
        CatalogueEntries.Value.TryGetValue(classType, out var entry) ? CatalogueIndex.Value.TextOf(entry) : (ReadOnlyMemory<byte>?)null; // (a bare null would be an empty memory: byte[]'s conversion)

    /// <summary>True when <paramref name="index"/> is the shipped catalogue's.</summary>
    internal static bool IsCatalogue(DumpIndex index) => CatalogueIndex.IsValueCreated && ReferenceEquals(index, CatalogueIndex.Value);

    /// <summary>True when the candidates of <paramref name="classType"/> have been parsed (tests of the lazy load).</summary>
    internal bool IsResolved(string classType) => Lookup(classType) is { IsResolved: true };

    /// <summary>
    /// <see cref="Load(IEnumerable{string}, bool)"/>; with <paramref name="lazy"/> false every dump (and the catalogue)
    /// is parsed whole and every class ranked at once, as before issue 10 (the reference the lazy load is tested
    /// against).
    /// </summary>
    internal static SchemaSet Load(IEnumerable<string> filesOrDirs, bool includeCatalogue, bool lazy) => Load(filesOrDirs, includeCatalogue, lazy, null);

    private static SchemaSet Load(IEnumerable<string> filesOrDirs, bool includeCatalogue, bool lazy, DumpIndexCache? cache)
    {
        var diagnostics = new List<LokiDiagnostic>();
        var layers = new List<DumpLayer>();
        foreach (var item in filesOrDirs)
        {
            foreach (var file in Expand(item))
            {
                layers.Add(DumpReader.ReadFile(file, new SchemaOrigin(file, SchemaOrigin.VersionOfDump(file)), lazy, cache, diagnostics));
            }
        }

        // The catalogue is asked for only when included (and then only its index, not its definitions).
        return lazy
            ? new SchemaSet(includeCatalogue ? Catalogue : null, layers, diagnostics)
            : Build(includeCatalogue ? LoadCatalogue(lazy: false) : null, [.. layers.Select(l => l.Definitions)], diagnostics, lazy: false);
    }

    // Finds the candidates of a class in a set loaded from dumps: the dumps' definitions (in the order they were given)
    // ranked over the catalogue's, or the catalogue's own candidates when no dump has the class.
    private ClassCandidates? Lookup(string classType) =>
        _over is not null ? _over.Lookup(classType) ?? _base!.Lookup(classType)
        : _asked is null ? _nodes!.GetValueOrDefault(classType)
        : _asked.GetOrAdd(classType, static (key, set) => set.Resolve(key), this);

    private ClassCandidates? Resolve(string classType)
    {
        List<DumpDefinition>? added = null;
        foreach (var layer in _layers)
        {
            layer.Collect(classType, ref added);
        }

        var catalogue = _base?.Lookup(classType);
        return added is null ? catalogue : new ClassCandidates(catalogue, added);
    }

    // Every class with its candidates: given, or (a set loaded from dumps, a merged set) found class by class once.
    private Dictionary<string, ClassCandidates> Nodes()
    {
        if (Volatile.Read(ref _nodes) is { } nodes)
        {
            return nodes;
        }

        var all = new Dictionary<string, ClassCandidates>(StringComparer.Ordinal);
        var classTypes = (_base?.Nodes().Keys ?? Enumerable.Empty<string>()).Concat(_over?.Nodes().Keys ?? Enumerable.Empty<string>());
        foreach (var classType in classTypes.Concat(_layers.SelectMany(l => l.ClassTypes)))
        {
            if (!all.ContainsKey(classType) && Lookup(classType) is { } candidates)
            {
                all[classType] = candidates;
            }
        }

        return Interlocked.CompareExchange(ref _nodes, all, null) ?? all;
    }

    private static SchemaSet Build(SchemaSet? catalogue, List<IEnumerable<(string ClassType, DumpDefinition Definition)>> dumps, List<LokiDiagnostic> diagnostics, bool lazy)
    {
        var added = new Dictionary<string, List<DumpDefinition>>(StringComparer.Ordinal);
        foreach (var dump in dumps)
        {
            foreach (var (classType, definition) in dump)
            {
                if (!added.TryGetValue(classType, out var list))
                {
                    added[classType] = list = [];
                }

                list.Add(definition);
            }
        }

        var nodes = catalogue is null
            ? new Dictionary<string, ClassCandidates>(StringComparer.Ordinal)
            : new Dictionary<string, ClassCandidates>(catalogue.Nodes(), StringComparer.Ordinal);
        foreach (var (classType, definitions) in added)
        {
            nodes[classType] = new ClassCandidates(nodes.GetValueOrDefault(classType), definitions);
        }

        if (!lazy)
        {
            foreach (var candidates in nodes.Values)
            {
                _ = candidates.List;
            }
        }

        return new SchemaSet(nodes, diagnostics);
    }

    private static IEnumerable<string> Expand(string item)
    {
        if (File.Exists(item))
        {
            return [item];
        }

        if (Directory.Exists(item))
        {
            return Directory.EnumerateFiles(item, "*.json", SearchOption.AllDirectories)
                .Where(f => !SchemaOrigin.IsStatsFile(f))
                .Order(StringComparer.Ordinal);
        }

        throw JsonSource.Fail(LokiCodes.SchemaNotFound, "no schema file or folder at this path", item);
    }

    // Lazily from the compact form (no decompression, no scan); the eager reference parses the compact form's JSON
    // whole, as the dump it was made from would be (CompactCatalogueTests: that JSON is the shipped dump's, keys, order
    // and number text kept, and parses to the same definitions).
    private static SchemaSet LoadCatalogue(bool lazy)
    {
        var origin = new SchemaOrigin(CatalogueSource, CatalogueComfyVersion);
        var diagnostics = new List<LokiDiagnostic>();
        var index = CatalogueIndex.Value;
        if (lazy)
        {
            return Build(null, [[.. index.Entries.Select(e => (e.ClassType, new DumpDefinition(index, e, origin)))]], diagnostics, lazy: true);
        }

        return Build(null, [DumpReader.Parsed(Encoding.UTF8.GetString(index.Utf8.Span), origin, diagnostics)], diagnostics, lazy: false);
    }

    private static ReadOnlyMemory<byte> Resource(string fileName) => ResourceBytes.Of(typeof(SchemaSet).Assembly, fileName);
}
