using System.Text.Json.Nodes;
using Loki.Core.Conversion.ApiToUi;
using Loki.Core.Diagnostics;
using Loki.Core.Schemas;

namespace Loki.Cli.Tests.Commands;

/// <summary><c>loki split</c>: the library it writes, re-runs, folders a person owns, reuse, bad input, the batch report.</summary>
public sealed class SplitCommandTests
{
    private const string Chains = """
        {
          "1": {"class_type": "EmptyImage", "inputs": {"width": 32, "height": 32, "batch_size": 1, "color": 16711680}},
          "2": {"class_type": "ImageBlur", "inputs": {"image": ["1", 0], "blur_radius": 3, "sigma": 1.0}},
          "3": {"class_type": "ImageInvert", "inputs": {"image": ["2", 0]}},
          "4": {"class_type": "SaveImage", "inputs": {"images": ["3", 0], "filename_prefix": "a"}},
          "5": {"class_type": "EmptyImage", "inputs": {"width": 32, "height": 32, "batch_size": 1, "color": 255}},
          "6": {"class_type": "ImageBlur", "inputs": {"image": ["5", 0], "blur_radius": 5, "sigma": 1.0}},
          "7": {"class_type": "ImageInvert", "inputs": {"image": ["6", 0]}},
          "8": {"class_type": "ImageBlend", "inputs": {"image1": ["3", 0], "image2": ["7", 0], "blend_factor": 0.5, "blend_mode": "normal"}},
          "9": {"class_type": "SaveImage", "inputs": {"images": ["8", 0], "filename_prefix": "b"}}
        }
        """;

    /// <summary>The chains as a UI workflow with a group around each blur-and-invert pair.</summary>
    private static string Workflow(TempDir dir, string name)
    {
        var ui = ApiToUiConverter.Convert(JsonNode.Parse(Chains)!.AsObject(), SchemaSet.Catalogue, name).Workflow!;
        var nodes = ui["nodes"]!.AsArray().OfType<JsonObject>().ToDictionary(n => n["id"]!.ToString());
        foreach (var (id, node) in nodes)
        {
            // The chains on a grid far apart: a group drawn around some nodes holds no other node's centre.
            var n = int.Parse(id, System.Globalization.CultureInfo.InvariantCulture);
            node["pos"] = new JsonArray((n <= 4 ? n - 1 : n - 5) * 600.0, (n <= 4 ? 0 : 1) * 900.0);
        }

        JsonArray Around(params string[] ids)
        {
            var xs = ids.Select(i => nodes[i]["pos"]![0]!.GetValue<double>()).ToList();
            var ys = ids.Select(i => nodes[i]["pos"]![1]!.GetValue<double>()).ToList();
            var right = ids.Max(i => nodes[i]["pos"]![0]!.GetValue<double>() + nodes[i]["size"]![0]!.GetValue<double>());
            var bottom = ids.Max(i => nodes[i]["pos"]![1]!.GetValue<double>() + nodes[i]["size"]![1]!.GetValue<double>());
            return new JsonArray(xs.Min() - 10, ys.Min() - 40, right - xs.Min() + 20, bottom - ys.Min() + 50);
        }

        ui["groups"] = new JsonArray(
            new JsonObject { ["title"] = "Soft Blur", ["bounding"] = Around("2", "3") },
            new JsonObject { ["title"] = "Soft Blur Again", ["bounding"] = Around("6", "7") });
        return dir.Write(name, ui.ToJsonString());
    }

    [Fact]
    public async Task Split_writes_a_grown_library_the_parent_and_its_subgraphs()
    {
        using var dir = new TempDir();
        var workflow = Workflow(dir, "chains.json");
        var into = dir.File("nodes");

        var result = await CliRun.InProcessAsync("split", workflow, "--into", into, "-o", dir.File("chains.subgraphs.json"), "--by", "groups");

        Assert.True(result.ExitCode == 0, result.Stderr);
        foreach (var file in new[] { "soft_blur_workflow.json", "soft_blur_name.md", "soft_blur.md", "soft_blur.json", "soft_blur.py", "soft_blur_node.py", "__init__.py" })
        {
            Assert.True(File.Exists(Path.Combine(into, "soft_blur", file)), file + " missing");
        }

        Assert.True(File.Exists(Path.Combine(into, "chains", "chains_workflow.json")));
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(into, "soft_blur", "soft_blur.json")))!;
        Assert.Equal(["image", "blur_radius"], config["inputs"]!.AsObject().Select(p => p.Key));
        var subgraphs = JsonNode.Parse(File.ReadAllText(dir.File("chains.subgraphs.json")))!;
        Assert.Equal(2, subgraphs["definitions"]!["subgraphs"]!.AsArray().Count); // one per blur radius
        Assert.Contains("**Official Name**: Soft Blur", File.ReadAllText(Path.Combine(into, "soft_blur", "soft_blur_name.md")), StringComparison.Ordinal);

        var again = await CliRun.InProcessAsync("split", workflow, "--into", into, "--by", "groups");
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.False(Directory.Exists(Path.Combine(into, "soft_blur_2")));

        // Deterministic: a split into a fresh folder writes the same bytes.
        var twin = dir.File("twin/nodes");
        Assert.Equal(0, (await CliRun.InProcessAsync("split", workflow, "--into", twin, "-o", dir.File("twin.subgraphs.json"), "--by", "groups")).ExitCode);
        Assert.Equal(File.ReadAllBytes(dir.File("chains.subgraphs.json")), File.ReadAllBytes(dir.File("twin.subgraphs.json")));
        foreach (var file in Directory.EnumerateFiles(into, "*", SearchOption.AllDirectories).Where(f => !f.Contains("__pycache__", StringComparison.Ordinal)))
        {
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(twin, Path.GetRelativePath(into, file))));
        }
    }

    [Fact]
    public async Task A_folder_a_person_wrote_is_left_alone_and_an_equal_library_node_is_reused()
    {
        using var dir = new TempDir();
        var into = dir.File("nodes");
        Directory.CreateDirectory(Path.Combine(into, "soft_blur"));
        var authored = Path.Combine(into, "soft_blur", "soft_blur_workflow.json");
        File.WriteAllText(authored, """{"1": {"class_type": "ImageInvert", "inputs": {"image": ["2", 0]}}, "2": {"class_type": "LoadImage", "inputs": {"image": "x.png"}}}""");

        var first = await CliRun.InProcessAsync("split", Workflow(dir, "chains.json"), "--into", into, "--by", "groups", "--no-build");

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Contains(LokiCodes.SplitAuthoredFolder, first.Codes);
        Assert.StartsWith("""{"1": {"class_type": "ImageInvert", "inputs": {"image": ["2", 0]}}""", File.ReadAllText(authored), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(into, "soft_blur_2", "soft_blur_2_workflow.json")));

        var other = await CliRun.InProcessAsync("split", Workflow(dir, "other.json"), "--into", into, "--by", "groups", "--no-build");

        Assert.True(other.ExitCode == 0, other.Stderr);
        Assert.Contains(LokiCodes.SplitReusedNode, other.Codes);
        Assert.False(Directory.Exists(Path.Combine(into, "soft_blur_3")));
        Assert.Contains("LokiSoftBlur2", File.ReadAllText(Path.Combine(into, "other", "other_workflow.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_gets_a_coded_error_and_nothing_is_written()
    {
        using var dir = new TempDir();
        var cyclic = JsonNode.Parse(Chains)!.AsObject();
        cyclic["2"]!["inputs"]!["image"] = new JsonArray("3", 0);
        var file = dir.Write("cyclic.json", cyclic.ToJsonString());

        var cycle = await CliRun.InProcessAsync("split", file, "--into", dir.File("nodes"));
        Assert.NotEqual(0, cycle.ExitCode);
        Assert.Contains(LokiCodes.PromptCycle, cycle.Codes);
        Assert.Contains(file, cycle.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("nodes")));
        (await CliRun.InProcessAsync("split", dir.File("missing.json"), "--into", dir.File("nodes"))).AssertError(LokiCodes.FileNotFound, 2);
        Assert.Equal(2, (await CliRun.InProcessAsync("split", file, "--into", dir.File("nodes"), "--by", "colour")).ExitCode);
        var valid = dir.Write("valid.json", Chains);
        (await CliRun.InProcessAsync("split", valid, "--into", dir.File("nodes"), "--min-nodes", "1")).AssertError(LokiCodes.SplitBadOptions, 1);
        Assert.False(Directory.Exists(dir.File("nodes")));
    }

    [Fact]
    public async Task Report_splits_a_folder_of_workflows()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("batch"));
        File.Copy(Workflow(dir, "a.json"), dir.File("batch/a.json"));
        File.Copy(Workflow(dir, "b.json"), dir.File("batch/b.json"));

        var result = await CliRun.InProcessAsync("split", "--report", dir.File("batch"), "--by", "groups");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("| split into at least one sub-flow, equivalence check passed (share of those that convert) | 2 / 2 (100.0 %) |", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("| `soft_blur` | 2 | 4 |", result.Stdout, StringComparison.Ordinal);
    }
}
