using System.Text.Json.Nodes;

namespace Loki.Cli.Tests;

public sealed class InspectCommandTests
{
    [Fact]
    public async Task Inspect_Json_ReportsCountsTypesAndMissingPacks()
    {
        using var dir = new TempDir();
        var file = dir.Write("w.json", Workflows.ChainWith("\"type\": \"ImageInvert\"", "\"type\": \"SeargeMagicBox\""));

        var run = await CliRun.InProcessAsync("inspect", file, "--json");

        Assert.Equal(0, run.ExitCode);
        var report = JsonNode.Parse(run.Stdout)!;
        Assert.Equal("ui-json", report["format"]!.GetValue<string>());
        Assert.Equal("0.4", report["version"]!.GetValue<string>());
        Assert.Equal(3, report["nodes"]!.GetValue<int>());
        Assert.Equal(2, report["links"]!.GetValue<int>());
        Assert.Equal(3, report["types"]!.AsArray().Count);
        var missing = Assert.Single(report["missing_types"]!.AsArray())!;
        Assert.Equal("SeargeMagicBox", missing["type"]!.GetValue<string>());
        Assert.Equal("https://github.com/SeargeDP/SeargeSDXL", missing["pack"]!["repository"]!.GetValue<string>());
    }

    [Fact]
    public async Task Inspect_Text_NamesFormatAndPack()
    {
        using var dir = new TempDir();
        var file = dir.Write("p.json", Workflows.ChainPrompt.Replace("ImageInvert", "VHS_VideoCombine", StringComparison.Ordinal));

        var run = await CliRun.InProcessAsync("inspect", file);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("api-json (API prompt)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("VHS_VideoCombine", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Kosinkadink/ComfyUI-VideoHelperSuite", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_SubgraphsAndGroupNodes_AreListed()
    {
        using var dir = new TempDir();
        var file = dir.Write("w.json", """
            {"last_node_id": 2, "last_link_id": 0, "version": 0.4, "links": [],
             "nodes": [{"id": 1, "type": "11111111-2222-3333-4444-555555555555", "mode": 0, "inputs": [], "outputs": []},
                       {"id": 2, "type": "workflow>pair", "mode": 0, "inputs": [], "outputs": []}],
             "definitions": {"subgraphs": [{"id": "11111111-2222-3333-4444-555555555555", "name": "inner", "version": 1,
                "state": {}, "inputs": [], "outputs": [], "links": [],
                "nodes": [{"id": 5, "type": "EmptyImage", "mode": 0, "inputs": [], "outputs": [], "widgets_values": [8, 8, 1, 0]}]}]},
             "extra": {"groupNodes": {"pair": {"nodes": [{"index": 0, "type": "EmptyLatentImage"}, {"index": 1, "type": "VAEDecode"}], "links": [], "external": []}}}}
            """);

        var run = await CliRun.InProcessAsync("inspect", file, "--json");

        Assert.Equal(0, run.ExitCode);
        var report = JsonNode.Parse(run.Stdout)!;
        var subgraph = Assert.Single(report["subgraphs"]!.AsArray())!;
        Assert.Equal("inner", subgraph["name"]!.GetValue<string>());
        Assert.Equal(1, subgraph["instances"]!.GetValue<int>());
        var group = Assert.Single(report["group_nodes"]!.AsArray())!;
        Assert.Equal(2, group["nodes"]!.GetValue<int>());
        Assert.Equal(1, group["instances"]!.GetValue<int>());
        Assert.Equal(["EmptyImage", "EmptyLatentImage", "VAEDecode"], report["types"]!.AsArray().Select(t => t!["type"]!.GetValue<string>()));
    }
}
