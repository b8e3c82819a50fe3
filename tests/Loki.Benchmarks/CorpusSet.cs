using System.Text.Json.Nodes;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Schemas;

namespace Loki.Benchmarks;

/// <summary>
/// The shared corpus held in memory as text, so benchmarks measure parsing and conversion, not the disk:
/// every UI workflow of <c>pairs/</c>, <c>frontend-pairs/</c> and <c>workflows/</c>.
/// </summary>
internal sealed class CorpusSet
{
    public const string Largest = "workflows/wyrde__wyrde-comfyui-workflows/why-oh-why/nulti-sample-latent-fixing-x40/multi-sample-latent-fixing-x40-v1.2.json";

    private CorpusSet(string root, SchemaSet schemas, List<(string File, string Text)> workflows, List<(string File, string Text)> prompts)
    {
        Root = root;
        Schemas = schemas;
        Workflows = workflows;
        Prompts = prompts;
    }

    public string Root { get; }

    /// <summary>Every <c>/object_info</c> dump of the corpus merged, the shipped 0.3.64 catalogue winning.</summary>
    public SchemaSet Schemas { get; }

    /// <summary>Every UI workflow (file, text).</summary>
    public List<(string File, string Text)> Workflows { get; }

    /// <summary>The prompt each convertible workflow gives (file, text), the input of API → UI.</summary>
    public List<(string File, string Text)> Prompts { get; }

    public static CorpusSet Load()
    {
        var root = Environment.GetEnvironmentVariable("LOKI_CORPUS") is { Length: > 0 } env ? env : FindCorpus();
        var schemas = LoadSchemas(root);
        var workflows = new List<(string, string)>();
        var prompts = new List<(string, string)>();
        foreach (var folder in new[] { "pairs", "frontend-pairs", "workflows" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (file.EndsWith(".prompt.json", StringComparison.Ordinal))
                {
                    continue;
                }

                var text = File.ReadAllText(file);
                if (JsonNode.Parse(text) is not JsonObject { } ui || ui["nodes"] is not JsonArray)
                {
                    continue;
                }

                workflows.Add((file, text));
                var api = UiToApiConverter.Convert(ui, schemas, UiToApiOptions.Default, file);
                if (api.Succeeded && api.Prompt!.Count > 0)
                {
                    prompts.Add((file, api.Prompt.ToJsonString()));
                }
            }
        }

        return new CorpusSet(root, schemas, workflows, prompts);
    }

    private static SchemaSet LoadSchemas(string root)
    {
        var set = SchemaSet.Empty;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "schemas"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            try
            {
                set = set.Merge(SchemaSet.Load([file], includeCatalogue: false));
            }
            catch (Loki.Core.Diagnostics.LokiException)
            {
                // a fixture that is not a node dump
            }
        }

        return set.Merge(SchemaSet.Catalogue);
    }

    private static string FindCorpus()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "..", "shared", "corpus")))
        {
            dir = dir.Parent;
        }

        return dir is null
            ? throw new InvalidOperationException("the shared corpus was not found; set LOKI_CORPUS")
            : Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpus"));
    }
}
