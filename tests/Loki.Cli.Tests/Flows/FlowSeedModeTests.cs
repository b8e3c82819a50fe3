using System.Text.Json.Nodes;
using Loki.Tests;

namespace Loki.Cli.Tests.Flows;

/// <summary>
/// Each seed of a UI workflow keeps its own <c>control_after_generate</c> through conversion: the generated script,
/// called three times in one process, gives fixed, incremented and randomized seeds.
/// </summary>
public sealed class FlowSeedModeTests
{
    private const string StampScript = """
        from loki_runtime import script


        @script.entry(__file__)
        def run(seed=0):
            return {"value": seed}
        """;

    private const string StampConfig = """
        {"node_name": "seed_stamp", "description": "Returns its seed.", "category": "test",
         "inputs": {"seed": {"type": "INT", "default": 0, "min": 0, "max": 4294967295}},
         "outputs": {"value": {"type": "INT"}}}
        """;

    private const string Workflow = """
        {"last_node_id": 6, "last_link_id": 3, "version": 0.4, "extra": {},
         "nodes": [
          {"id": 1, "type": "LokiSeedStamp", "title": "Fixed", "pos": [0, 0], "size": [300, 80], "mode": 0, "inputs": [], "outputs": [{"name": "value", "type": "INT", "links": [1]}], "widgets_values": [5, "fixed"]},
          {"id": 2, "type": "LokiSeedStamp", "title": "Counter", "pos": [0, 150], "size": [300, 80], "mode": 0, "inputs": [], "outputs": [{"name": "value", "type": "INT", "links": [2]}], "widgets_values": [10, "increment"]},
          {"id": 3, "type": "LokiSeedStamp", "title": "Dice", "pos": [0, 300], "size": [300, 80], "mode": 0, "inputs": [], "outputs": [{"name": "value", "type": "INT", "links": [3]}], "widgets_values": [20, "randomize"]},
          {"id": 4, "type": "PreviewAny", "title": "fixed out", "pos": [400, 0], "size": [300, 100], "mode": 0, "inputs": [{"name": "source", "type": "*", "link": 1}], "outputs": []},
          {"id": 5, "type": "PreviewAny", "title": "counter out", "pos": [400, 150], "size": [300, 100], "mode": 0, "inputs": [{"name": "source", "type": "*", "link": 2}], "outputs": []},
          {"id": 6, "type": "PreviewAny", "title": "dice out", "pos": [400, 300], "size": [300, 100], "mode": 0, "inputs": [{"name": "source", "type": "*", "link": 3}], "outputs": []}],
         "links": [[1, 1, 0, 4, 0, "INT"], [2, 2, 0, 5, 0, "INT"], [3, 3, 0, 6, 0, "INT"]]}
        """;

    private const string ThreeCalls = """
        import importlib.util, json, sys
        spec = importlib.util.spec_from_file_location("seeds", sys.argv[1])
        module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module)
        print(json.dumps([module.run(backend="loki") for _ in range(3)]))
        """;

    [Fact]
    public async Task Fixed_increment_and_randomize_seeds_behave_across_three_runs()
    {
        using var tmp = new TempDir();
        var node = Directory.CreateDirectory(Path.Combine(tmp.Path, "lib", "nodes", "seed_stamp")).FullName;
        File.WriteAllText(Path.Combine(node, "seed_stamp.py"), StampScript);
        File.WriteAllText(Path.Combine(node, "seed_stamp.json"), StampConfig);
        var lib = Path.Combine(tmp.Path, "lib");
        var flow = tmp.Write("seeds_workflow.json", Workflow);

        var convert = await CliRun.InProcessAsync("convert", flow, "--to", "script", "-o", tmp.File("seeds.py"), "--library", lib);
        Assert.True(convert.ExitCode == 0, convert.Stderr);
        var script = File.ReadAllText(tmp.File("seeds.py"));
        Assert.Contains("fixed_seed: int = flow.Seed(5, control=\"fixed\", min=0, max=4294967295)", script);
        Assert.Contains("counter_seed: int = flow.Seed(10, control=\"increment\", min=0, max=4294967295)", script);
        Assert.Contains("dice_seed: int = flow.Seed(20, control=\"randomize\", min=0, max=4294967295)", script);

        var run = FlowProcess.Python(tmp.Path, lib, "-c", ThreeCalls, tmp.File("seeds.py"));
        Assert.True(run.Code == 0, run.Output + "\n" + script);
        var calls = JsonNode.Parse(run.Output.Trim().Split('\n')[^1])!.AsArray();
        Assert.Equal([5L, 5L, 5L], calls.Select(c => c!["fixed_out"]!.GetValue<long>()));
        Assert.Equal([10L, 11L, 12L], calls.Select(c => c!["counter_out"]!.GetValue<long>()));
        var dice = calls.Select(c => c!["dice_out"]!.GetValue<long>()).ToList();
        Assert.Equal(20L, dice[0]); // the first run uses the saved value; the control applies after each run
        Assert.True(dice[1] != 20 || dice[2] != 20, "randomize gave the same seed three times");
    }
}
