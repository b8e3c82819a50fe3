using System.IO.Compression;
using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Workflows;

namespace Loki.Core.Schemas;

/// <summary>
/// The node definitions conversion works against: one or more <c>/object_info</c> dumps merged, a later dump
/// overriding an earlier one class by class. <see cref="Catalogue"/> holds the core nodes of the ComfyUI version in
/// <see cref="CatalogueComfyVersion"/>, shipped inside LOKI, so that core workflows convert with no flags.
/// </summary>
public sealed class SchemaSet
{
    private const string CatalogueResource = "comfyui-0.3.64-core.object_info.json.gz";
    private static readonly Lazy<SchemaSet> CatalogueLazy = new(LoadCatalogue);

    private readonly Dictionary<string, NodeSchema> _nodes;

    private SchemaSet(Dictionary<string, NodeSchema> nodes, IReadOnlyList<LokiDiagnostic> diagnostics)
    {
        _nodes = nodes;
        Diagnostics = diagnostics;
    }

    /// <summary>An empty set.</summary>
    public static SchemaSet Empty { get; } = new(new Dictionary<string, NodeSchema>(StringComparer.Ordinal), []);

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

    /// <summary>The definition of <paramref name="classType"/>, or null.</summary>
    public NodeSchema? Find(string classType) => _nodes.GetValueOrDefault(classType);

    /// <summary>True when <paramref name="classType"/> has a definition.</summary>
    public bool Contains(string classType) => _nodes.ContainsKey(classType);

    /// <summary>
    /// Loads the dumps named by <paramref name="filesOrDirs"/> (a folder contributes every <c>*.json</c> under it, in
    /// ordinal path order), after the catalogue when <paramref name="includeCatalogue"/>. Later definitions win.
    /// </summary>
    public static SchemaSet Load(IEnumerable<string> filesOrDirs, bool includeCatalogue = true)
    {
        var nodes = new Dictionary<string, NodeSchema>(StringComparer.Ordinal);
        var diagnostics = new List<LokiDiagnostic>();
        if (includeCatalogue)
        {
            foreach (var (key, value) in Catalogue._nodes)
            {
                nodes[key] = value;
            }
        }

        foreach (var item in filesOrDirs)
        {
            foreach (var file in Expand(item))
            {
                var root = JsonSource.Parse(JsonSource.ReadText(file), file, LokiCodes.SchemaInvalid);
                AddDump(root, file, nodes, diagnostics);
            }
        }

        return new SchemaSet(nodes, diagnostics);
    }

    /// <summary>Parses one dump held in memory (<paramref name="file"/> names it in diagnostics).</summary>
    public static SchemaSet Parse(string json, string file)
    {
        var nodes = new Dictionary<string, NodeSchema>(StringComparer.Ordinal);
        var diagnostics = new List<LokiDiagnostic>();
        AddDump(JsonSource.Parse(json, file, LokiCodes.SchemaInvalid), file, nodes, diagnostics);
        return new SchemaSet(nodes, diagnostics);
    }

    /// <summary>Returns a set holding this one's definitions overridden by <paramref name="other"/>'s.</summary>
    public SchemaSet Merge(SchemaSet other)
    {
        var nodes = new Dictionary<string, NodeSchema>(_nodes, StringComparer.Ordinal);
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
            return Directory.EnumerateFiles(item, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
        }

        throw JsonSource.Fail(LokiCodes.SchemaNotFound, "no schema file or folder at this path", item);
    }

    private static void AddDump(JsonNode root, string file, Dictionary<string, NodeSchema> nodes, List<LokiDiagnostic> diagnostics)
    {
        if (root is not JsonObject obj)
        {
            throw JsonSource.Fail(LokiCodes.SchemaInvalid, "an /object_info dump must be a JSON object of node definitions", file, "$");
        }

        foreach (var (classType, def) in obj)
        {
            var schema = NodeSchemaParser.TryParse(classType, def, out var problem);
            if (schema is null)
            {
                diagnostics.Add(new LokiDiagnostic(LokiCodes.SchemaBadNode, DiagnosticSeverity.Warning,
                    $"skipped '{classType}': {problem}", file, JsonPathText.Key("$", classType)));
                continue;
            }

            nodes[classType] = schema;
        }
    }

    private static SchemaSet LoadCatalogue()
    {
        var assembly = typeof(SchemaSet).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(CatalogueResource, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return Parse(reader.ReadToEnd(), "<catalogue:comfyui-" + CatalogueComfyVersion + ">");
    }
}
