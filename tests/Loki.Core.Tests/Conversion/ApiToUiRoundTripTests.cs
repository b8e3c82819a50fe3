using System.Text.Json.Nodes;
using Loki.Core.Conversion.ApiToUi;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Diagnostics;
using Loki.Core.Schemas;
using Loki.Tests;
using Xunit.Abstractions;

namespace Loki.Core.Tests.Conversion;

/// <summary>UI → API → UI → API over the corpus: the second prompt equals the first, and every UI built is sound.</summary>
public sealed class ApiToUiRoundTripTests(ITestOutputHelper output)
{
    private static readonly Lazy<SchemaSet> CorpusSchemas = new(() =>
    {
        // Every dump of the corpus, the 0.3.64 reference (the shipped catalogue) winning over older ones.
        var set = SchemaSet.Empty;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Corpus!, "schemas"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            try
            {
                set = set.Merge(SchemaSet.Load([file], includeCatalogue: false));
            }
            catch (LokiException)
            {
                // not a node dump (some fixtures hold other shapes)
            }
        }

        return set.Merge(SchemaSet.Catalogue);
    });

    [CorpusTheory]
    [InlineData("pairs")]
    [InlineData("frontend-pairs")]
    [InlineData("workflows")]
    public void RoundTrip_EveryConvertibleCorpusWorkflow_GivesThePromptBack(string folder)
    {
        var schemas = CorpusSchemas.Value;
        var failures = new List<string>();
        var converted = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Corpus!, folder), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (file.EndsWith(".prompt.json", StringComparison.Ordinal) || JsonNode.Parse(File.ReadAllText(file)) is not JsonObject { } root || root["nodes"] is not JsonArray)
            {
                continue;
            }

            var first = UiToApiConverter.Convert(root, schemas, UiToApiOptions.Default, file);
            if (!first.Succeeded || first.Prompt!.Count == 0)
            {
                continue; // not convertible in the first place: the UI → API tests report these
            }

            var name = Path.GetRelativePath(RepoPaths.Corpus!, file);
            try
            {
                var ui = ApiToUiConverter.Convert(first.Prompt.DeepClone().AsObject(), schemas, file);
                Assert.True(ui.Succeeded, string.Join("; ", ui.Diagnostics.Where(d => d.IsError)));
                UiWorkflowAssert.LinksMatchSlots(ui.Workflow!, ui.Diagnostics.Where(d => d.Code == LokiCodes.ApiToUiTypeMismatch).Select(d => d.JsonPath!).ToList());
                UiWorkflowAssert.NoOverlaps(ui.Workflow!);
                var second = UiToApiConverter.Convert(ui.Workflow!, schemas, UiToApiOptions.Default, file);
                Assert.True(second.Succeeded, string.Join("; ", second.Diagnostics.Where(d => d.IsError)));
                ForgiveFilledDefaults(first.Prompt, second.Prompt!, ui.Diagnostics);
                UiWorkflowAssert.SamePrompt(first.Prompt, second.Prompt!, name);
                converted++;
            }
            catch (Exception ex) when (ex is Xunit.Sdk.XunitException or InvalidOperationException or KeyNotFoundException)
            {
                failures.Add($"{name}: {ex.Message}");
            }
        }

        output.WriteLine($"{folder}: {converted} round trips, {failures.Count} failures");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(5)) + $"\n({failures.Count} failures)");
        Assert.True(converted > 0);
    }

    /// <summary>Removes from <paramref name="second"/> the inputs the converter said it had to fill with defaults (LOKI1303).</summary>
    private static void ForgiveFilledDefaults(JsonObject first, JsonObject second, IReadOnlyList<LokiDiagnostic> diagnostics)
    {
        var filled = diagnostics.Where(d => d.Code == LokiCodes.ApiToUiFilledDefault).Select(d => d.JsonPath).ToHashSet();
        foreach (var (id, node) in second)
        {
            if (node?["inputs"] is not JsonObject inputs || first[id]?["inputs"] is not JsonObject before)
            {
                continue;
            }

            foreach (var name in inputs.Select(p => p.Key).Where(n => !before.ContainsKey(n)).ToList())
            {
                if (filled.Contains(Loki.Core.Workflows.JsonPathText.Key(Loki.Core.Workflows.JsonPathText.Key("$", id) + ".inputs", name)))
                {
                    inputs.Remove(name);
                }
            }
        }
    }
}
