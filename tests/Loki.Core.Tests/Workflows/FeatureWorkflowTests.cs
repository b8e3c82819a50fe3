using System.Text.Json.Nodes;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Diagnostics;
using Loki.Core.Schemas;
using Loki.Core.Text;
using Loki.Core.Workflows;
using Loki.Tests;

namespace Loki.Core.Tests.Workflows;

/// <summary>
/// One small hand-written workflow per conversion feature (tests/Loki.Core.Tests/Workflows/Features), each converted
/// and compared with its hand-written expected prompt, <c>_meta</c> included.
/// </summary>
public sealed class FeatureWorkflowTests
{
    private static readonly string Dir = RepoPaths.InRepo("tests", "Loki.Core.Tests", "Workflows", "Features");
    private static readonly Lazy<SchemaSet> Schemas = new(() => SchemaSet.Load([Path.Combine(Dir, "test-nodes.object_info.json")]));

    [Theory]
    [InlineData("control_widgets")]
    [InlineData("legacy_seed_boolean")]
    [InlineData("upload_widgets")]
    [InlineData("converted_widget_sockets")]
    [InlineData("primitive_node")]
    [InlineData("reroutes")]
    [InlineData("notes_and_muted")]
    [InlineData("bypass")]
    [InlineData("group_node")]
    [InlineData("subgraphs")]
    [InlineData("values_and_templates")]
    public void Converts_to_the_exact_prompt(string feature)
    {
        var loaded = WorkflowLoader.Load(Path.Combine(Dir, feature + ".workflow.json"));
        var before = loaded.Ui!.ToJsonString();
        var result = UiToApiConverter.Convert(loaded.Ui, Schemas.Value, UiToApiOptions.Default, feature);
        Assert.Equal(before, loaded.Ui.ToJsonString());
        Assert.Equal(result.Prompt!.ToJsonString(), UiToApiConverter.Convert(loaded.Ui, Schemas.Value, UiToApiOptions.Default, feature).Prompt!.ToJsonString());
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(Dir, feature + ".prompt.json")));
        Assert.Equal(CanonicalJson.Write(CanonicalJson.SortKeys(expected)), CanonicalJson.Write(CanonicalJson.SortKeys(result.Prompt)));
    }

    [Fact]
    public void Dynamic_prompt_choices_are_kept_with_a_warning_by_default()
    {
        var result = Convert(Dynamic("a {red|green|blue} ball"), UiToApiOptions.Default);
        Assert.Equal("a {red|green|blue} ball", result.Prompt!["1"]!["inputs"]!["text"]!.GetValue<string>());
        Assert.Contains(result.Diagnostics, d => d.Code == LokiCodes.ConvertDynamicPromptKept && !d.IsError);
    }

    [Fact]
    public void Dynamic_prompt_choices_are_resolved_deterministically_with_a_seed()
    {
        var texts = Enumerable.Range(0, 40)
            .Select(seed => Convert(Dynamic("a {red|green|{dark|light} blue} ball"), new UiToApiOptions(DynamicPromptSeed: seed)))
            .Select(r => r.Prompt!["1"]!["inputs"]!["text"]!.GetValue<string>())
            .ToList();
        Assert.All(texts, t => Assert.Contains(t, new[] { "a red ball", "a green ball", "a dark blue ball", "a light blue ball" }));
        Assert.True(texts.Distinct().Count() > 1, "different seeds should pick different choices");
        var again = Convert(Dynamic("a {red|green|{dark|light} blue} ball"), new UiToApiOptions(DynamicPromptSeed: 7));
        Assert.Equal(texts[7], again.Prompt!["1"]!["inputs"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Unknown_node_type_is_converted_from_its_widget_sockets_with_a_warning()
    {
        var ui = Ui("""
            {"nodes": [{"id": 1, "type": "SomePackNode", "mode": 0,
              "inputs": [{"name": "image", "type": "IMAGE", "link": null}, {"name": "seed", "type": "INT", "widget": {"name": "seed"}, "link": null},
                         {"name": "label", "type": "STRING", "widget": {"name": "label"}, "link": null}],
              "widgets_values": [12, "randomize", "hello"]}], "links": [], "version": 0.4}
            """);
        var result = UiToApiConverter.Convert(ui, SchemaSet.Catalogue, UiToApiOptions.Default, "u.json");
        Assert.Contains(result.Diagnostics, d => d.Code == LokiCodes.ConvertSchemaFromUiNode);
        Assert.Equal("""{"seed":12,"label":"hello"}""", result.Prompt!["1"]!["inputs"]!.ToJsonString());
        Assert.Equal("SomePackNode", result.Prompt["1"]!["_meta"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public void Unknown_node_type_without_widget_names_is_reported_by_name()
    {
        var ui = Ui("""
            {"nodes": [{"id": 1, "type": "Image Blank", "mode": 0, "widgets_values": [512, 512, 255, 255, 255]}], "links": [], "version": 0.4}
            """);
        var result = UiToApiConverter.Convert(ui, SchemaSet.Catalogue, UiToApiOptions.Default, "u.json");
        Assert.Null(result.Prompt);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(LokiCodes.ConvertUnknownNodeType, error.Code);
        Assert.Equal("$.nodes[0].type", error.JsonPath);
        Assert.Contains("'Image Blank'", error.Message);
        if (PackCatalogue.Guess("Image Blank") is { IsCore: false } pack)
        {
            Assert.Contains(pack.Name, error.Message);
        }
    }

    [Fact]
    public void A_cycle_is_reported_at_conversion()
    {
        var ui = Ui("""
            {"nodes": [
              {"id": 1, "type": "ImageInvert", "mode": 0, "inputs": [{"name": "image", "type": "IMAGE", "link": 2}], "outputs": [{"name": "IMAGE", "type": "IMAGE", "links": [1]}]},
              {"id": 2, "type": "ImageInvert", "mode": 0, "inputs": [{"name": "image", "type": "IMAGE", "link": 1}], "outputs": [{"name": "IMAGE", "type": "IMAGE", "links": [2]}]}],
             "links": [[1, 1, 0, 2, 0, "IMAGE"], [2, 2, 0, 1, 0, "IMAGE"]], "version": 0.4}
            """);
        var result = UiToApiConverter.Convert(ui, SchemaSet.Catalogue, UiToApiOptions.Default, "c.json");
        Assert.Null(result.Prompt);
        Assert.Equal(LokiCodes.ConvertCycle, Assert.Single(result.Diagnostics, d => d.IsError).Code);
    }

    [Theory]
    [InlineData("1a2b3c4d-0000-4000-8000-000000000001", LokiCodes.WorkflowMissingSubgraph)]
    [InlineData("workflow>missing", LokiCodes.WorkflowMissingGroupNode)]
    public void Instances_of_missing_definitions_are_reported(string type, string code)
    {
        var ui = Ui($$"""{"nodes": [{"id": 3, "type": "{{type}}", "mode": 0}], "links": [], "version": 0.4}""");
        var result = UiToApiConverter.Convert(ui, SchemaSet.Catalogue, UiToApiOptions.Default, "m.json");
        Assert.Null(result.Prompt);
        var error = result.Diagnostics.First(d => d.IsError);
        Assert.Equal(code, error.Code);
        Assert.Equal("$.nodes[0].type", error.JsonPath);
    }

    [Fact]
    public void Widgets_an_old_workflow_lacks_get_their_defaults_with_a_note()
    {
        var ui = Ui("""{"nodes": [{"id": 1, "type": "DualCLIPLoader", "mode": 0, "widgets_values": ["a.safetensors", "b.safetensors", "flux"]}], "links": [], "version": 0.4}""");
        var result = UiToApiConverter.Convert(ui, SchemaSet.Catalogue, UiToApiOptions.Default, "old.json");
        Assert.Equal("default", result.Prompt!["1"]!["inputs"]!["device"]!.GetValue<string>());
        var note = Assert.Single(result.Diagnostics);
        Assert.Equal((LokiCodes.ConvertFewerWidgetValues, DiagnosticSeverity.Info), (note.Code, note.Severity));
    }

    [Fact]
    public void A_primitive_with_widget_replace_fills_patterns_before_pushing_its_value()
    {
        var ui = Ui("""
            {"nodes": [
              {"id": 1, "type": "EmptyImage", "mode": 0, "outputs": [{"name": "IMAGE", "type": "IMAGE", "links": [1]}], "widgets_values": [96, 48, 1, 0]},
              {"id": 2, "type": "PrimitiveNode", "mode": 0, "properties": {"Run widget replace on values": true},
               "outputs": [{"name": "STRING", "type": "STRING", "widget": {"name": "filename_prefix"}, "links": [2]}], "widgets_values": ["w%EmptyImage.width%"]},
              {"id": 3, "type": "SaveImage", "mode": 0,
               "inputs": [{"name": "images", "type": "IMAGE", "link": 1}, {"name": "filename_prefix", "type": "STRING", "widget": {"name": "filename_prefix"}, "link": 2}],
               "widgets_values": ["ComfyUI"]}],
             "links": [[1, 1, 0, 3, 0, "IMAGE"], [2, 2, 0, 3, 1, "STRING"]], "version": 0.4}
            """);
        var result = UiToApiConverter.Convert(ui, SchemaSet.Catalogue, UiToApiOptions.Default, "p.json");
        Assert.Equal("""{"filename_prefix":"w96","images":["1",0]}""", result.Prompt!["3"]!["inputs"]!.ToJsonString());
    }

    [Fact]
    public void A_schema_1_root_with_object_links_and_native_reroutes_converts()
    {
        var ui = Ui("""
            {"version": 1, "state": {"lastGroupId": 0, "lastNodeId": 2, "lastLinkId": 1, "lastRerouteId": 1},
             "nodes": [
              {"id": 1, "type": "EmptyImage", "mode": 0, "outputs": [{"name": "IMAGE", "type": "IMAGE", "links": [1]}], "widgets_values": [4, 4, 1, 0]},
              {"id": 2, "type": "PreviewImage", "mode": 0, "inputs": [{"name": "images", "type": "IMAGE", "link": 1}]}],
             "links": [{"id": 1, "origin_id": 1, "origin_slot": 0, "target_id": 2, "target_slot": 0, "type": "IMAGE", "parentId": 1}],
             "reroutes": [{"id": 1, "pos": [10, 10], "linkIds": [1]}], "floatingLinks": []}
            """);
        var result = UiToApiConverter.Convert(ui, SchemaSet.Catalogue, UiToApiOptions.Default, "v1.json");
        Assert.Equal("""{"images":["1",0]}""", result.Prompt!["2"]!["inputs"]!.ToJsonString());
        Assert.Equal(2, result.Prompt.Count);
    }

    [Fact]
    public void Date_patterns_are_filled_only_when_a_date_is_given()
    {
        var date = new DateTime(2024, 3, 7, 9, 5, 4);
        var result = UiToApiConverter.Convert(WorkflowLoader.Load(Path.Combine(Dir, "values_and_templates.workflow.json")).Ui!, Schemas.Value, new UiToApiOptions(Date: date), "d.json");
        Assert.Equal("out/96x48_%Missing.x%_2024", result.Prompt!["2"]!["inputs"]!["filename_prefix"]!.GetValue<string>());
        Assert.Equal("24-03-7 09:5:04 yyy", FilenameTemplate.FormatDate("yy-MM-d hh:m:ss yyy", date));
    }

    [Fact]
    public void Core_workflows_convert_with_the_shipped_catalogue_alone()
    {
        var loaded = WorkflowLoader.Load(Path.Combine(Dir, "control_widgets.workflow.json"));
        var result = UiToApiConverter.Convert(loaded.Ui!, "control_widgets.workflow.json");
        Assert.True(result.Succeeded);
        Assert.Equal(5, result.Prompt!.Count);
    }

    private static UiToApiResult Convert(string file)
    {
        var loaded = WorkflowLoader.Load(Path.Combine(Dir, file));
        return UiToApiConverter.Convert(loaded.Ui!, Schemas.Value, UiToApiOptions.Default, file);
    }

    private static UiToApiResult Convert(JsonObject ui, UiToApiOptions options) => UiToApiConverter.Convert(ui, SchemaSet.Catalogue, options, "dynamic.json");

    private static JsonObject Ui(string json) => (JsonObject)JsonNode.Parse(json)!;

    private static JsonObject Dynamic(string text) => new()
    {
        ["nodes"] = new JsonArray(new JsonObject
        {
            ["id"] = 1, ["type"] = "CLIPTextEncode", ["mode"] = 0,
            ["inputs"] = new JsonArray(new JsonObject { ["name"] = "clip", ["type"] = "CLIP", ["link"] = null }),
            ["widgets_values"] = new JsonArray(text),
        }),
        ["links"] = new JsonArray(),
        ["version"] = 0.4,
    };
}
