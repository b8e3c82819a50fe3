using System.Text.Json.Nodes;
using Loki.Core.Config;
using Loki.Core.Conversion.ApiToUi;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Diagnostics;
using Loki.Core.Flows;
using Loki.Core.Flows.Ui;
using Loki.Core.Packaging;
using Loki.Core.Schemas;
using Loki.Core.Text;
using Loki.Core.Workflows;
using Loki.Core.Workflows.Layout;
using Loki.Tests;

namespace Loki.Core.Tests.Workflows.Layout;

/// <summary>
/// Every workflow LOKI writes is laid out at the frontend's node sizes: API → UI conversions of the corpus, the
/// one-node flows of the whole library, and the pack's example workflows. No two nodes overlap, every written size
/// is at least the frontend's, and every link points right.
/// </summary>
public sealed class WorkflowLayoutTests
{
    private static readonly Lazy<List<NodeConfig>> Library = new(() => Directory.GetDirectories(RepoPaths.InRepo("nodes")).Order(StringComparer.Ordinal)
        .Select(d => Path.Combine(d, Path.GetFileName(d) + ".json")).Where(File.Exists)
        .Select(f => NodeConfigReader.ReadFile(f, new DiagnosticBag(), Path.GetFileNameWithoutExtension(f))).OfType<NodeConfig>().ToList());

    private static SchemaSet LibrarySchemas => FlowLoader.WithLoki(SchemaSet.Catalogue, Library.Value);

    [CorpusFact]
    public void Corpus_api_to_ui_conversions_are_laid_out_without_overlaps()
    {
        var count = 0;
        foreach (var folder in new[] { "frontend-pairs", "pairs" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Corpus!, folder), "*.workflow.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (JsonNode.Parse(File.ReadAllText(file)) is not JsonObject source
                    || UiToApiConverter.Convert(source, SchemaSet.Catalogue, UiToApiOptions.Default, file) is not { Succeeded: true, Prompt.Count: > 0 } api)
                {
                    continue;
                }

                var ui = ApiToUiConverter.Convert(api.Prompt!, SchemaSet.Catalogue, file);
                Assert.True(ui.Succeeded, file);
                AssertLaidOut(ui.Workflow!, SchemaSet.Catalogue, file);
                count++;
            }
        }

        Assert.True(count >= 20, $"only {count} corpus workflows converted");
    }

    [Fact]
    public void Every_one_node_flow_of_the_library_is_laid_out_without_overlaps()
    {
        foreach (var config in Library.Value)
        {
            foreach (var markers in new[] { true, false })
            {
                AssertLaidOut(NodeFlowBuilder.Build(config, markers), LibrarySchemas, $"{config.NodeName} (markers: {markers})");
            }
        }
    }

    [Fact]
    public void The_packs_example_workflows_are_laid_out_without_overlaps()
    {
        var built = PackBuilder.Build(new PackOptions(RepoPaths.InRepo("nodes"), RepoPaths.InRepo("src", "python", "loki_runtime"), new PackMetadata()) { CheckImports = false });
        var examples = built.Entries.Where(e => e.Path.StartsWith("example_workflows/", StringComparison.Ordinal) && e.Path.EndsWith(".json", StringComparison.Ordinal)).ToList();

        Assert.True(examples.Count >= 3, $"{examples.Count} example workflows");
        foreach (var entry in examples)
        {
            var ui = JsonNode.Parse(entry.Content)!.AsObject();
            Assert.Empty(WorkflowLayout.Overlaps(ui, LibrarySchemas));
            AssertSizesAtLeastFrontends(ui, LibrarySchemas, entry.Path);
        }
    }

    [Fact]
    public void An_authored_flow_that_overlaps_in_the_frontend_is_laid_out_again()
    {
        // contact_sheet as authored: its marker nodes cover the Load Image node once its preview is shown.
        var source = JsonNode.Parse(File.ReadAllText(RepoPaths.InRepo("nodes", "contact_sheet", "contact_sheet_workflow.json")))!.AsObject();
        Assert.NotEmpty(WorkflowLayout.Overlaps(source, LibrarySchemas));

        Assert.True(WorkflowLayout.Fit(source, LibrarySchemas));
        AssertLaidOut(source, LibrarySchemas, "contact_sheet");
    }

    [Fact]
    public void An_authored_layout_that_fits_is_kept_and_only_sizes_grow()
    {
        var ui = Graph(("1", "LoadImage", 0, 0, 10, 10), ("2", "ImageInvert", 800, 0, 10, 10));
        var before = ui["nodes"]!.AsArray().Select(n => n!["pos"]!.ToJsonString()).ToList();

        Assert.False(WorkflowLayout.Fit(ui, SchemaSet.Catalogue));
        Assert.Equal(before, ui["nodes"]!.AsArray().Select(n => n!["pos"]!.ToJsonString()));
        AssertLaidOut(ui, SchemaSet.Catalogue, "kept");
    }

    [Fact]
    public void Layout_is_deterministic_and_survives_a_cycle()
    {
        var ui = Graph(("1", "ImageInvert", 0, 0, 1, 1), ("2", "ImageInvert", 0, 0, 1, 1), ("3", "SaveImage", 0, 0, 1, 1));
        ui["links"] = new JsonArray(new JsonArray(1, 1, 0, 2, 0, "IMAGE"), new JsonArray(2, 2, 0, 1, 0, "IMAGE"), new JsonArray(3, 2, 0, 3, 0, "IMAGE"));
        var again = (JsonObject)ui.DeepClone();

        var result = WorkflowLayout.Apply(ui, SchemaSet.Catalogue);
        WorkflowLayout.Apply(again, SchemaSet.Catalogue);

        Assert.Equal(CanonicalJson.Write(ui), CanonicalJson.Write(again));
        Assert.Equal(["1", "2", "3"], result.Cycle);
        Assert.Empty(WorkflowLayout.Overlaps(ui, SchemaSet.Catalogue));
    }

    /// <summary>No overlaps at the frontend's sizes, sizes no smaller than the frontend's, links pointing right.</summary>
    internal static void AssertLaidOut(JsonObject ui, SchemaSet schemas, string name)
    {
        Assert.True(WorkflowLayout.Overlaps(ui, schemas).Count == 0, $"{name}: nodes overlap: {string.Join(", ", WorkflowLayout.Overlaps(ui, schemas))}");
        AssertSizesAtLeastFrontends(ui, schemas, name);
        var x = ui["nodes"]!.AsArray().ToDictionary(n => JsonRead.Id(n!["id"])!, n => (X: JsonRead.Number(n!["pos"]![0])!.Value, W: JsonRead.Number(n["size"]![0])!.Value));
        foreach (var link in ui["links"]!.AsArray().Select(l => l!.AsArray()))
        {
            var from = x[JsonRead.Id(link[1])!];
            var to = x[JsonRead.Id(link[3])!];
            Assert.True(from.X + from.W < to.X, $"{name}: link {link[0]} does not read left to right");
        }
    }

    private static void AssertSizesAtLeastFrontends(JsonObject ui, SchemaSet schemas, string name)
    {
        foreach (var node in ui["nodes"]!.AsArray().Select(n => n!.AsObject()))
        {
            var least = FrontendNodeSize.Of(NodeShapeReader.Read(node, schemas));
            var w = JsonRead.Number(node["size"]![0])!.Value;
            var h = JsonRead.Number(node["size"]![1])!.Value;
            Assert.True(w >= least.Width && h >= least.Height, $"{name}: node {node["id"]} ({node["type"]}) is {w} × {h}, the frontend gives it {least.Width} × {least.Height}");
        }
    }

    private static JsonObject Graph(params (string Id, string Type, double X, double Y, double W, double H)[] nodes) => new()
    {
        ["nodes"] = new JsonArray(nodes.Select(n => (JsonNode)new JsonObject
        {
            ["id"] = long.Parse(n.Id, System.Globalization.CultureInfo.InvariantCulture),
            ["type"] = n.Type,
            ["pos"] = new JsonArray(n.X, n.Y),
            ["size"] = new JsonArray(n.W, n.H),
        }).ToArray()),
        ["links"] = new JsonArray(),
    };
}
