using System.IO.Compression;
using System.Text.Json.Nodes;
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
    private const string CatalogueResource = "comfyui-0.3.64-core.object_info.json.gz";
    private static readonly Lazy<SchemaSet> CatalogueLazy = new(LoadCatalogue);

    // Each list is newest first (see SchemaRank) and holds no two identical definitions.
    private readonly Dictionary<string, List<NodeSchema>> _nodes;

    private SchemaSet(Dictionary<string, List<NodeSchema>> nodes, IReadOnlyList<LokiDiagnostic> diagnostics)
    {
        _nodes = nodes;
        Diagnostics = diagnostics;
    }

    /// <summary>An empty set.</summary>
    public static SchemaSet Empty { get; } = new(new Dictionary<string, List<NodeSchema>>(StringComparer.Ordinal), []);

    /// <summary>The shipped core catalogue (ComfyUI <see cref="CatalogueComfyVersion"/>, core nodes only).</summary>
    public static SchemaSet Catalogue => CatalogueLazy.Value;

    /// <summary>The ComfyUI version the shipped catalogue was dumped from.</summary>
    public static string CatalogueComfyVersion => "0.3.64";

    /// <summary>Warnings met while loading (definitions that were skipped).</summary>
    public IReadOnlyList<LokiDiagnostic> Diagnostics { get; }

    /// <summary>The number of node classes.</summary>
    public int Count => _nodes.Count;

    /// <summary>Every class type, sorted ordinally.</summary>
    public IEnumerable<string> ClassTypes => _nodes.Keys.Order(StringComparer.Ordinal);

    /// <summary>The newest definition of <paramref name="classType"/>, or null.</summary>
    public NodeSchema? Find(string classType) => _nodes.TryGetValue(classType, out var list) ? list[0] : null;

    /// <summary>Every distinct definition of <paramref name="classType"/>, newest first (empty when none).</summary>
    public IReadOnlyList<NodeSchema> Candidates(string classType) => _nodes.TryGetValue(classType, out var list) ? list : [];

    /// <summary>True when <paramref name="classType"/> has a definition.</summary>
    public bool Contains(string classType) => _nodes.ContainsKey(classType);

    /// <summary>
    /// Loads the dumps named by <paramref name="filesOrDirs"/> (a folder contributes every <c>*.json</c> under it), with
    /// the catalogue when <paramref name="includeCatalogue"/>. Every definition is kept as a candidate of its class;
    /// the order of the files does not matter.
    /// </summary>
    public static SchemaSet Load(IEnumerable<string> filesOrDirs, bool includeCatalogue = true)
    {
        var nodes = new Dictionary<string, List<NodeSchema>>(StringComparer.Ordinal);
        var diagnostics = new List<LokiDiagnostic>();
        if (includeCatalogue)
        {
            foreach (var (key, value) in Catalogue._nodes)
            {
                nodes[key] = [.. value];
            }
        }

        foreach (var item in filesOrDirs)
        {
            foreach (var file in Expand(item))
            {
                var root = JsonSource.Parse(JsonSource.ReadText(file), file, LokiCodes.SchemaInvalid);
                AddDump(root, new SchemaOrigin(file, SchemaOrigin.VersionOfDump(file)), nodes, diagnostics);
            }
        }

        return new SchemaSet(nodes, diagnostics);
    }

    /// <summary>Parses one dump held in memory (<paramref name="file"/> names it in diagnostics).</summary>
    public static SchemaSet Parse(string json, string file) => Parse(json, file, null);

    /// <summary>Parses one dump held in memory, taken from ComfyUI <paramref name="comfyVersion"/> when known.</summary>
    public static SchemaSet Parse(string json, string file, string? comfyVersion)
    {
        var nodes = new Dictionary<string, List<NodeSchema>>(StringComparer.Ordinal);
        var diagnostics = new List<LokiDiagnostic>();
        AddDump(JsonSource.Parse(json, file, LokiCodes.SchemaInvalid), new SchemaOrigin(file, comfyVersion), nodes, diagnostics);
        return new SchemaSet(nodes, diagnostics);
    }

    /// <summary>
    /// Returns a set holding this one's definitions with <paramref name="other"/>'s replacing them class by class (the
    /// LOKI library over ComfyUI's nodes: a class <paramref name="other"/> defines keeps only its definitions).
    /// </summary>
    public SchemaSet Merge(SchemaSet other)
    {
        var nodes = new Dictionary<string, List<NodeSchema>>(_nodes, StringComparer.Ordinal);
        foreach (var (key, value) in other._nodes)
        {
            nodes[key] = value;
        }

        return new SchemaSet(nodes, [.. Diagnostics, .. other.Diagnostics]);
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

    private static void AddDump(JsonNode root, SchemaOrigin origin, Dictionary<string, List<NodeSchema>> nodes, List<LokiDiagnostic> diagnostics)
    {
        if (root is not JsonObject obj)
        {
            throw JsonSource.Fail(LokiCodes.SchemaInvalid, "an /object_info dump must be a JSON object of node definitions", origin.Source, "$");
        }

        foreach (var (classType, def) in obj)
        {
            var schema = NodeSchemaParser.TryParse(classType, def, out var problem);
            if (schema is null)
            {
                diagnostics.Add(new LokiDiagnostic(LokiCodes.SchemaBadNode, DiagnosticSeverity.Warning,
                    $"skipped '{classType}': {problem}", origin.Source, JsonPathText.Key("$", classType)));
                continue;
            }

            if (!nodes.TryGetValue(classType, out var list))
            {
                nodes[classType] = [schema with { Origin = origin }];
                continue;
            }

            SchemaRank.Insert(list, schema with { Origin = origin });
        }
    }

    private static SchemaSet LoadCatalogue()
    {
        var assembly = typeof(SchemaSet).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(CatalogueResource, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return Parse(reader.ReadToEnd(), "<catalogue:comfyui-" + CatalogueComfyVersion + ">", CatalogueComfyVersion);
    }
}
