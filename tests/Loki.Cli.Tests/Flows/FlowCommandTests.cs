using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Tests;

namespace Loki.Cli.Tests.Flows;

/// <summary>The flow verbs' contract: exit codes, coded errors naming the file, JSON output, files kept.</summary>
public sealed class FlowCommandTests
{
    private const string Duplicate = """
        {"1": {"class_type": "LokiInput", "inputs": {"name": "image", "type": "IMAGE", "default": "", "min": "", "max": "", "description": ""}},
         "2": {"class_type": "LokiInput", "inputs": {"name": "image", "type": "IMAGE", "default": "", "min": "", "max": "", "description": ""}},
         "3": {"class_type": "LokiImageBlur", "inputs": {"image": ["1", 0], "radius": 1.0}},
         "4": {"class_type": "LokiOutput", "inputs": {"name": "image", "value": ["3", 0]}}}
        """;

    private const string Unknown = """
        {"1": {"class_type": "LokiInput", "inputs": {"name": "image", "type": "IMAGE", "default": "", "min": "", "max": "", "description": ""}},
         "2": {"class_type": "NoSuchNode", "inputs": {"image": ["1", 0]}},
         "3": {"class_type": "LokiOutput", "inputs": {"name": "image", "value": ["2", 0]}}}
        """;

    [Theory]
    [InlineData(Duplicate, LokiCodes.FlowDuplicateInputName)]
    [InlineData(Unknown, LokiCodes.FlowUnknownNodeType)]
    public async Task Bad_flow_exits_1_with_its_code_and_writes_nothing(string flow, string code)
    {
        using var tmp = new TempDir();
        var file = tmp.Write("bad_workflow.json", flow);
        var script = await CliRun.InProcessAsync("convert", file, "--to", "script", "-o", tmp.File("bad.py"), "--library", RepoPaths.Root);
        script.AssertError(code, 1, file);
        Assert.False(File.Exists(tmp.File("bad.py")));
        var node = await CliRun.InProcessAsync("convert", file, "--to", "node", "-o", tmp.File("bad"), "--library", RepoPaths.Root);
        node.AssertError(code, 1, file);
        Assert.False(Directory.Exists(tmp.File("bad")));
    }

    [Fact]
    public async Task Usage_errors_exit_2()
    {
        using var tmp = new TempDir();
        var file = tmp.Write("f_workflow.json", Unknown);
        (await CliRun.InProcessAsync("convert", tmp.File("missing.json"), "--to", "script")).AssertError(LokiCodes.FileNotFound, 2);
        (await CliRun.InProcessAsync("convert", file, "--to", "node")).AssertError(LokiCodes.BadUsage, 2);
        (await CliRun.InProcessAsync("convert", file, "--to", "node", "-o", tmp.File("Bad-Name"))).AssertError(LokiCodes.BadUsage, 2);
        (await CliRun.InProcessAsync("convert", file, "--to", "script", "--backend", "cloud")).AssertError(LokiCodes.BadUsage, 2);
        (await CliRun.InProcessAsync("node-to-flow", tmp.File("nowhere"))).AssertError(LokiCodes.FileNotFound, 2);
    }

    [Fact]
    public async Task Inspect_interface_json_names_inputs_bindings_and_seed_modes()
    {
        const string ui = """
            {"last_node_id": 3, "last_link_id": 2, "version": 0.4,
             "nodes": [
              {"id": 1, "type": "EmptyImage", "pos": [0, 0], "size": [315, 130], "mode": 0, "inputs": [], "outputs": [{"name": "IMAGE", "type": "IMAGE", "links": [1]}], "widgets_values": [64, 64, 1, 0]},
              {"id": 2, "type": "ImageAddNoise", "pos": [350, 0], "size": [315, 130], "mode": 0, "inputs": [{"name": "image", "type": "IMAGE", "link": 1}], "outputs": [{"name": "IMAGE", "type": "IMAGE", "links": [2]}], "widgets_values": [7, "increment", 0.5]},
              {"id": 3, "type": "SaveImage", "pos": [700, 0], "size": [315, 270], "mode": 0, "inputs": [{"name": "images", "type": "IMAGE", "link": 2}], "outputs": [], "widgets_values": ["x"]}],
             "links": [[1, 1, 0, 2, 0, "IMAGE"], [2, 2, 0, 3, 0, "IMAGE"]], "extra": {}}
            """;
        using var tmp = new TempDir();
        var file = tmp.Write("noise.json", ui);
        var result = await CliRun.InProcessAsync("inspect", file, "--interface", "--json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains(LokiCodes.FlowInterfaceInferred, result.Codes);
        var json = JsonNode.Parse(result.Stdout)!;
        Assert.Equal("inferred", json["source"]!.GetValue<string>());
        Assert.Equal("increment", json["inputs"]!["seed"]!["control_after_generate"]!.GetValue<string>());
        Assert.Equal(7, json["inputs"]!["seed"]!["default"]!.GetValue<int>());
        Assert.Equal("2", json["inputs"]!["seed"]!["bind"]![0]!["node"]!.GetValue<string>());
        Assert.Equal("2", json["outputs"]!["image"]!["bind"]!["node"]!.GetValue<string>());

        var text = await CliRun.InProcessAsync("inspect", file, "--interface");
        Assert.Contains("seed: INT", text.Stdout);
        Assert.Contains("control increment", text.Stdout);
    }

    [Fact]
    public async Task Node_to_flow_writes_a_generated_workflow_and_keeps_an_authored_one()
    {
        using var tmp = new TempDir();
        var output = tmp.File("blur_workflow.json");
        var result = await CliRun.InProcessAsync("node-to-flow", RepoPaths.InRepo("nodes", "image_blur"), "-o", output);
        Assert.True(result.ExitCode == 0, result.Stderr);
        var workflow = JsonNode.Parse(File.ReadAllText(output))!;
        Assert.True(workflow["extra"]!["loki"]!["generated"]!.GetValue<bool>());
        Assert.Contains("LokiImageBlur", ((JsonArray)workflow["nodes"]!).Select(n => n!["type"]!.GetValue<string>()));

        var interfaceRun = await CliRun.InProcessAsync("inspect", output, "--interface", "--json", "--library", RepoPaths.Root);
        Assert.True(interfaceRun.ExitCode == 0, interfaceRun.Stderr);
        Assert.Equal("marker", JsonNode.Parse(interfaceRun.Stdout)!["source"]!.GetValue<string>());

        File.WriteAllText(output, "{\"mine\": true}");
        var again = await CliRun.InProcessAsync("node-to-flow", RepoPaths.InRepo("nodes", "image_blur"), "-o", output);
        Assert.Contains(LokiCodes.FlowFileNotOverwritten, again.Codes);
        Assert.Equal("{\"mine\": true}", File.ReadAllText(output));
    }

    [Fact]
    public async Task Flow_node_display_name_comes_from_the_folders_name_layer()
    {
        const string flow = """
            {"1": {"class_type": "LokiInput", "inputs": {"name": "image", "type": "IMAGE", "default": "", "min": "", "max": "", "description": ""}},
             "2": {"class_type": "LokiImageBlur", "inputs": {"image": ["1", 0], "radius": 1.0}},
             "3": {"class_type": "LokiOutput", "inputs": {"name": "image", "value": ["2", 0]}}}
            """;
        using var tmp = new TempDir();
        var file = tmp.Write("glow_workflow.json", flow);
        var named = Directory.CreateDirectory(tmp.File("named")).FullName;
        File.WriteAllText(Path.Combine(named, "named_name.md"), "# Named\n\n- **Official Name**: Soft Glow\n- **EMOJI_ICON**: ✨\n");
        foreach (var dir in new[] { named, tmp.File("plain") })
        {
            var result = await CliRun.InProcessAsync("convert", file, "--to", "node", "-o", dir, "--library", RepoPaths.Root);
            Assert.True(result.ExitCode == 0, result.Stderr);
        }

        Assert.Contains("NODE_DISPLAY_NAME_MAPPINGS = {\"LokiNamed\": \"✨ Soft Glow (LOKI)\"}", File.ReadAllText(Path.Combine(named, "named_node.py")));
        Assert.Contains("NODE_DISPLAY_NAME_MAPPINGS = {\"LokiPlain\": \"🦊 Plain (LOKI)\"}", File.ReadAllText(tmp.File("plain/plain_node.py")));
    }
}
