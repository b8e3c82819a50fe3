using System.Text.Json.Nodes;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Diagnostics;
using Loki.Core.Schemas;
using Loki.Core.Workflows;
using Loki.Tests;

namespace Loki.Core.Tests.Conversion;

/// <summary>
/// The right node definition when several are given (issue 9 item 4): <c>--schemas</c> over the corpus's folder of
/// dumps, read in any file order, converts every shared pair to the prompt the 0.3.64 reference (given last) gives.
/// </summary>
public sealed class SchemaChoiceTests
{
    private static string SchemaDir => Path.Combine(RepoPaths.Corpus!, "schemas");

    [CorpusFact]
    public void SchemaFolder_InAnyFileOrder_GivesThePromptsOfTheReferenceGivenLast()
    {
        var files = DumpFiles();
        var orders = new List<(string Name, SchemaSet Schemas)>
        {
            ("the folder", SchemaSet.Load([SchemaDir])),
            ("files reversed", SchemaSet.Load(Enumerable.Reverse(files))),
            ("the reference first", SchemaSet.Load([.. files.Where(IsReference), .. files.Where(f => !IsReference(f))])),
            ("files shuffled", SchemaSet.Load(files.OrderBy(f => f.GetHashCode(StringComparison.Ordinal) ^ 0x5bd1e995))),
        };
        var differences = new List<string>();
        var compared = 0;
        foreach (var set in new[] { "pairs", "frontend-pairs" })
        {
            foreach (var file in ConformanceCorpus.PairFiles(set))
            {
                var expected = Prompt(file, ConformanceCorpus.AllSchemas);
                compared++;
                foreach (var (name, schemas) in orders)
                {
                    var actual = Prompt(file, schemas);
                    if (!JsonNode.DeepEquals(expected, actual))
                    {
                        differences.Add($"{name}: {Path.GetRelativePath(RepoPaths.Corpus!, file)}: {Describe(expected, actual)}");
                    }
                }
            }
        }

        Assert.True(compared > 400, $"only {compared} pairs");
        Assert.True(differences.Count == 0, string.Join("\n", differences.Take(30)));
    }

    private static List<string> DumpFiles() =>
        Directory.EnumerateFiles(SchemaDir, "*.json", SearchOption.AllDirectories).Where(IsDump).Order(StringComparer.Ordinal).ToList();

    private static bool IsReference(string file) => Path.GetFileName(file) == "comfyui-0.3.64-core.object_info.json";

    private static bool IsDump(string file)
    {
        try
        {
            SchemaSet.Load([file], includeCatalogue: false);
            return true;
        }
        catch (LokiException)
        {
            return false;
        }
    }

    private static JsonNode? Prompt(string file, SchemaSet schemas)
    {
        try
        {
            var result = UiToApiConverter.Convert(WorkflowLoader.Load(file).Ui!, schemas, UiToApiOptions.Default, file);
            return result.Prompt is { } prompt ? prompt : JsonValue.Create("error " + result.Diagnostics.First(d => d.IsError).Code);
        }
        catch (LokiException e)
        {
            return JsonValue.Create("rejected " + e.Diagnostic.Code);
        }
    }

    private static string Describe(JsonNode? expected, JsonNode? actual) =>
        expected is JsonObject e && actual is JsonObject a ? PromptComparer.FirstDifference(e, a, null) ?? "(order only)" : $"{expected?.ToJsonString()} vs {actual?.ToJsonString()}";
}
