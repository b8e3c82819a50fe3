using System.Text.Json.Nodes;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Diagnostics;
using Loki.Core.Schemas;
using Loki.Core.Splitting;
using Loki.Core.Text;
using Loki.Tests;
using Xunit.Abstractions;

namespace Loki.Core.Tests.Splitting;

/// <summary>
/// The parent with native subgraphs (<c>-o X.subgraphs.json</c>) of every frontend-pair workflow that splits: loki's
/// UI → API flattens it to the original prompt modulo ids, and the real litegraph client loads it with every link
/// on a real slot (<c>tests/js/check-subgraphs.mjs</c>).
/// </summary>
public sealed class SplitSubgraphsTests(ITestOutputHelper output)
{
    [NodeJsFact]
    public void Subgraph_workflows_flatten_to_the_original_and_load_in_litegraph()
    {
        Assert.True(RepoPaths.Corpus is not null, "this test needs the shared corpus (../shared/corpus or $LOKI_CORPUS)");
        NodeJsFactAttribute.EnsureInstalled();
        var dir = Directory.CreateTempSubdirectory("loki-split-subgraphs-").FullName;
        var files = new List<string>();
        foreach (var outcome in SplitCorpus.Outcomes.Where(o => o.Name.StartsWith("frontend-pairs/", StringComparison.Ordinal) && o.HasSubflows))
        {
            var split = outcome.Split!;
            var diagnostics = new DiagnosticBag();
            var forms = SplitForms.Build(split, SchemaSet.Catalogue, diagnostics);
            Assert.True(forms is not null, outcome.Name + ": " + string.Join("\n", diagnostics.Items));
            var document = SubgraphWorkflowBuilder.Build(split, forms!, diagnostics);
            Assert.True(document is not null, outcome.Name + ": " + string.Join("\n", diagnostics.Items));

            var flat = UiToApiConverter.Convert((JsonObject)document!.DeepClone(), forms!.Schemas, UiToApiOptions.Default, outcome.Name);
            Assert.True(flat.Succeeded, outcome.Name + ": " + string.Join("\n", flat.Diagnostics));
            Assert.True(PromptShape.Difference(split.Original, flat.Prompt!) is null, $"{outcome.Name}: flattened subgraphs differ from the original: {PromptShape.Difference(split.Original, flat.Prompt!)}");

            Assert.Empty(Loki.Core.Workflows.Layout.WorkflowLayout.Overlaps(document, forms.Schemas));
            var file = Path.Combine(dir, $"s{files.Count}.subgraphs.json");
            File.WriteAllText(file, CanonicalJson.Write(document));
            files.Add(file);
        }

        // A copy with one link moved to a slot that does not hold it must be caught (the check has teeth).
        var broken = JsonNode.Parse(File.ReadAllText(files[0]))!.AsObject();
        var link = broken["links"]!.AsArray().OfType<JsonArray>().First();
        link[4] = link[4]!.GetValue<int>() + 7;
        var brokenFile = Path.Combine(dir, "broken.subgraphs.json");
        File.WriteAllText(brokenFile, broken.ToJsonString());

        var (code, text) = NodeJsFactAttribute.Run(NodeJsFactAttribute.Find("node")!, [Path.Combine(NodeJsFactAttribute.Folder, "check-subgraphs.mjs"), .. files, brokenFile], NodeJsFactAttribute.Folder, TimeSpan.FromMinutes(3));
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        output.WriteLine($"{files.Count} subgraph workflows, {lines.Sum(l => l["subgraphs"]?.GetValue<int>() ?? 0)} subgraphs, {lines.Sum(l => l["links"]?.GetValue<int>() ?? 0)} links");
        Assert.Equal(files.Count + 1, lines.Count);
        foreach (var line in lines.Take(files.Count))
        {
            Assert.True(line["problems"]!.AsArray().Count == 0, $"{line["file"]}: {line["problems"]!.ToJsonString()}");
        }

        Assert.NotEmpty(lines[^1]["problems"]!.AsArray());
        Assert.Equal(1, code);
        Directory.Delete(dir, recursive: true);
    }
}
