using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Schemas;
using Loki.Core.Splitting;

namespace Loki.Core.Tests.Splitting;

/// <summary>The splitter on small workflows: the rules, reuse, names, the check and the coded refusals.</summary>
public sealed class WorkflowSplitterTests
{
    private static SplitResult Split(JsonObject prompt, JsonObject? ui, SplitStrategy strategy = SplitStrategy.Auto, SchemaSet? schemas = null) =>
        WorkflowSplitter.Split(prompt, ui, "two_chains", new SplitOptions(strategy, 2, null, schemas ?? SchemaSet.Catalogue), "two_chains.json");

    [Fact]
    public void Groups_become_flows_named_after_their_titles_and_twins_share_one_with_a_parameter()
    {
        var prompt = SplitFixtures.TwoChains();
        var split = Split(prompt, SplitFixtures.Ui(prompt, ("Soft Blur", ["2", "3"]), ("Soft Blur Too", ["6", "7"])), SplitStrategy.Groups);

        Assert.True(split.Succeeded, string.Join("\n", split.Diagnostics));
        var flow = Assert.Single(split.Subflows);
        Assert.Equal("soft_blur", flow.Name);
        Assert.Equal(2, split.Instances.Count);
        var parameter = Assert.Single(flow.Inputs, p => p.IsParameter);
        Assert.Equal(("blur_radius", "INT"), (parameter.Name, parameter.Type));
        Assert.Equal(["image"], flow.Outputs.Select(o => o.Name));
        var uses = split.Parent.Where(p => p.Value!["class_type"]!.GetValue<string>() == "LokiSoftBlur").Select(p => p.Value!["inputs"]!["blur_radius"]!.GetValue<int>()).Order();
        Assert.Equal([3, 5], uses);
        Assert.Null(SplitChecker.Check(split, split.Parent, split.FlowPrompts()));
    }

    [Fact]
    public void Output_nodes_stay_at_the_top_and_stages_cut_what_no_group_holds()
    {
        var prompt = SplitFixtures.TwoChains();
        var split = Split(prompt, SplitFixtures.Ui(prompt, ("Everything", ["1", "2", "3", "4", "5", "6", "7", "8", "9"])));

        Assert.True(split.Succeeded, string.Join("\n", split.Diagnostics));
        Assert.Equal(["SaveImage", "SaveImage"], split.Parent.Where(p => p.Value!["class_type"]!.GetValue<string>() == "SaveImage").Select(p => "SaveImage"));
        Assert.Contains(split.Subflows, f => f.Name == "everything");
        Assert.Null(SplitChecker.Check(split, split.Parent, split.FlowPrompts()));
    }

    [Fact]
    public void A_tampered_flow_is_refused_naming_the_first_difference()
    {
        var prompt = SplitFixtures.TwoChains();
        var split = Split(prompt, SplitFixtures.Ui(prompt, ("Soft Blur", ["2", "3"]), ("Soft Blur Too", ["6", "7"])), SplitStrategy.Groups);
        var flows = split.FlowPrompts().ToDictionary();
        var tampered = (JsonObject)flows["LokiSoftBlur"].DeepClone();
        tampered.First(p => p.Value!["class_type"]!.GetValue<string>() == "ImageBlur").Value!["inputs"]!["sigma"] = 2.0;
        flows["LokiSoftBlur"] = tampered;

        var failure = SplitChecker.Check(split, split.Parent, flows);

        Assert.NotNull(failure);
        Assert.Equal(LokiCodes.SplitCheckFailed, failure.Code);
        Assert.Contains("sigma", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cycle_is_refused()
    {
        var prompt = SplitFixtures.TwoChains();
        prompt["2"]!["inputs"]!["image"] = new JsonArray("3", 0);
        var split = Split(prompt, null);
        Assert.Equal(LokiCodes.PromptCycle, Assert.Single(split.Diagnostics, d => d.IsError).Code);
    }

    [Fact]
    public void A_class_without_schema_is_refused()
    {
        var prompt = SplitFixtures.TwoChains();
        prompt["3"]!["class_type"] = "SomeCustomInvert";
        var split = Split(prompt, null);
        Assert.Equal(LokiCodes.SplitUnknownClass, Assert.Single(split.Diagnostics, d => d.IsError).Code);
    }

    [Fact]
    public void A_group_cutting_through_a_node_is_an_error_by_groups_and_ignored_by_auto()
    {
        var prompt = SplitFixtures.TwoChains();
        var ui = SplitFixtures.Ui(prompt, ("Half", ["2"]));
        var (x, y, w, h) = SplitFixtures.Box(ui, "3");
        var bounding = ui["groups"]![0]!["bounding"]!.AsArray();
        var gx = bounding[0]!.GetValue<double>();
        bounding[2] = x + (w / 2) - gx; // the group's right edge runs through the middle of node 3

        var strict = Split(prompt, ui, SplitStrategy.Groups);
        var auto = Split(prompt, ui);

        Assert.Equal(LokiCodes.SplitGroupCutsNode, Assert.Single(strict.Diagnostics, d => d.IsError).Code);
        Assert.True(auto.Succeeded);
        Assert.Contains(auto.Diagnostics, d => d.Code == LokiCodes.SplitGroupCutsNode && !d.IsError);
        Assert.DoesNotContain(auto.Subflows, f => f.Name == "half");
    }

    [Fact]
    public void A_region_with_a_lazy_input_on_its_border_stays_inline()
    {
        var schemas = SchemaSet.Catalogue.Merge(SchemaSet.Parse("""
            {"LazyPick": {"input": {"required": {"a": ["IMAGE", {"lazy": true}], "b": ["IMAGE", {"lazy": true}]}}, "input_order": {"required": ["a", "b"]},
                          "output": ["IMAGE"], "output_name": ["IMAGE"], "output_is_list": [false], "name": "LazyPick", "display_name": "Lazy Pick", "category": "t", "output_node": false}}
            """, "lazy.json"));
        var prompt = SplitFixtures.TwoChains();
        prompt["8"] = JsonNode.Parse("""{"class_type": "LazyPick", "inputs": {"a": ["3", 0], "b": ["7", 0]}}""");
        var split = Split(prompt, SplitFixtures.Ui(prompt, schemas, ("Left", ["1", "2", "3"])), SplitStrategy.Groups, schemas);

        Assert.True(split.Succeeded, string.Join("\n", split.Diagnostics));
        Assert.Empty(split.Subflows);
        Assert.Contains(split.Diagnostics, d => d.Code == LokiCodes.SplitRegionKept);
    }

    [Fact]
    public void A_region_a_path_leaves_and_reenters_stays_inline()
    {
        var prompt = SplitFixtures.TwoChains();
        // 2 → 8 (outside) → 3: folding {2, 3} would need the flow node both before and after node 8.
        prompt["8"] = JsonNode.Parse("""{"class_type": "ImageInvert", "inputs": {"image": ["2", 0]}}""");
        prompt["3"]!["inputs"]!["image"] = new JsonArray("8", 0);
        prompt["9"]!["inputs"]!["images"] = new JsonArray("3", 0);
        var ui = SplitFixtures.Ui(prompt);
        ui["nodes"]!.AsArray().OfType<JsonObject>().First(n => n["id"]!.ToString() == "8")["pos"]![1] = 5000; // node 8 outside the group
        var (x2, y2, _, _) = SplitFixtures.Box(ui, "2");
        var (x3, y3, w3, h3) = SplitFixtures.Box(ui, "3");
        ui["groups"] = new JsonArray(new JsonObject { ["title"] = "Split Me", ["bounding"] = new JsonArray(Math.Min(x2, x3) - 10, Math.Min(y2, y3) - 40, Math.Max(x2, x3) + w3 + 20 - Math.Min(x2, x3), 2000) });
        var split = Split(prompt, ui, SplitStrategy.Groups);

        Assert.True(split.Succeeded);
        Assert.Empty(split.Subflows);
        Assert.Contains(split.Diagnostics, d => d.Code == LokiCodes.SplitRegionKept);
    }
}
