using System.Text.Json.Nodes;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Diagnostics;
using Loki.Core.Schemas;
using Loki.Core.Workflows;
using Loki.Tests;

namespace Loki.Core.Tests.Conversion;

/// <summary>The result of converting one oracle pair.</summary>
internal sealed record PairOutcome(string Set, string Name, bool Covered, string? Strict, string? Semantic, string? Error, JsonObject? Prompt, IReadOnlyList<string> MissingTypes);

/// <summary>Runs the converter over the oracle pairs of the shared corpus (once per test run).</summary>
internal static class ConformanceCorpus
{
    private static readonly Lazy<IReadOnlyList<PairOutcome>> OutcomesLazy = new(RunAll);
    private static readonly Lazy<SchemaSet> AllSchemasLazy = new(LoadAllSchemas);

    /// <summary>Every pair's outcome, <c>frontend-pairs</c> first, sorted by name.</summary>
    public static IReadOnlyList<PairOutcome> Outcomes => OutcomesLazy.Value;

    /// <summary>
    /// The schemas for <c>pairs</c>: every dump in <c>corpus/schemas</c>, the 0.3.64 reference loaded last so it wins.
    /// </summary>
    public static SchemaSet AllSchemas => AllSchemasLazy.Value;

    /// <summary>The pair files (<c>X.workflow.json</c>) of one corpus folder.</summary>
    public static IEnumerable<string> PairFiles(string set)
    {
        var dir = Path.Combine(RepoPaths.Corpus!, set);
        return Directory.EnumerateFiles(dir, "*.workflow.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
    }

    /// <summary>Converts one pair's workflow with the schemas of its set.</summary>
    public static UiToApiResult Convert(string workflowFile, SchemaSet schemas)
    {
        var loaded = WorkflowLoader.Load(workflowFile);
        return UiToApiConverter.Convert(loaded.Ui!, schemas, UiToApiOptions.Default, workflowFile);
    }

    private static SchemaSet LoadAllSchemas()
    {
        var dir = Path.Combine(RepoPaths.Corpus!, "schemas");
        var reference = Path.Combine(dir, "reference", "comfyui-0.3.64-core.object_info.json");
        var others = Directory.EnumerateFiles(dir, "*.json", SearchOption.AllDirectories)
            .Where(f => Path.GetFullPath(f) != Path.GetFullPath(reference))
            .Order(StringComparer.Ordinal);
        var merged = SchemaSet.Empty;
        foreach (var file in others.Append(reference))
        {
            try
            {
                merged = merged.Merge(SchemaSet.Load([file], includeCatalogue: false));
            }
            catch (LokiException)
            {
                // A file in the schema folder that is not a dump (a fixture of another shape) adds nothing.
            }
        }

        return merged;
    }

    private static List<PairOutcome> RunAll()
    {
        var result = new List<PairOutcome>();
        foreach (var (set, schemas) in new[] { ("frontend-pairs", SchemaSet.Catalogue), ("pairs", AllSchemas) })
        {
            var root = Path.Combine(RepoPaths.Corpus!, set);
            foreach (var file in PairFiles(set))
            {
                var name = Path.GetRelativePath(root, file)[..^".workflow.json".Length];
                var expected = (JsonObject)JsonNode.Parse(File.ReadAllText(file[..^".workflow.json".Length] + ".prompt.json"))!;
                var missing = expected.Select(p => p.Value?["class_type"]?.GetValue<string>() ?? "?").Where(c => !schemas.Contains(c)).Distinct().Order(StringComparer.Ordinal).ToList();
                var covered = missing.Count == 0;
                try
                {
                    var converted = Convert(file, schemas);
                    if (converted.Prompt is null)
                    {
                        var error = converted.Diagnostics.First(d => d.IsError);
                        result.Add(new PairOutcome(set, name, covered, "error " + error.Code, "error " + error.Code, error.Code + ": " + error.Message, null, missing));
                        continue;
                    }

                    var strict = PromptComparer.FirstDifference(expected, converted.Prompt, null);
                    var semantic = strict is null ? null : PromptComparer.FirstDifference(expected, converted.Prompt, schemas);
                    result.Add(new PairOutcome(set, name, covered, strict, semantic, null, converted.Prompt, missing));
                }
                catch (LokiException e)
                {
                    result.Add(new PairOutcome(set, name, covered, "rejected " + e.Diagnostic.Code, "rejected " + e.Diagnostic.Code, e.Diagnostic.ToString(), null, missing));
                }
            }
        }

        return result;
    }
}
