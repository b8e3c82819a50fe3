using System.Text;
using System.Text.Json.Nodes;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Diagnostics;
using Loki.Core.Schemas;
using Loki.Core.Workflows;
using Loki.Tests;

namespace Loki.Core.Tests.Conversion;

/// <summary>
/// pysssss' Preset Text node exists only in the browser: without links it is left out as graphToPrompt leaves it out (the
/// prompt is the one the workflow gives without it); with a link the text it would put into its target is a browser-side
/// preset, so the conversion stops with <see cref="LokiCodes.ConvertBrowserPreset"/> naming the node and the preset.
/// </summary>
public sealed class PresetTextTests
{
    private const string Save = """{"id": 3, "type": "SaveImage", "mode": 0, "inputs": [{"name": "images", "type": "IMAGE", "link": 1}, {"name": "filename_prefix", "type": "STRING", "widget": {"name": "filename_prefix"}, "link": LINK}], "widgets_values": ["saved"]}""";

    [Theory]
    [InlineData("PresetText", 0)]
    [InlineData("PresetText|pysssss", 0)]
    [InlineData("PresetText", 2)]
    [InlineData("PresetText", 4)]
    public void A_preset_text_node_without_links_is_left_out(string type, int mode)
    {
        var preset = $$"""{"id": 9, "type": "{{type}}", "mode": {{mode}}, "outputs": [{"name": "text", "type": "STRING", "links": null}], "properties": {}, "widgets_values": ["default negative", "Manage"]}""";
        var with = Convert(Graph(preset + ", " + Save.Replace("LINK", "null", StringComparison.Ordinal), links: string.Empty));
        var without = Convert(Graph(Save.Replace("LINK", "null", StringComparison.Ordinal), links: string.Empty));
        Assert.True(with.Succeeded, string.Join("\n", with.Diagnostics));
        Assert.Equal(Encoding.UTF8.GetString(without.PromptUtf8()!), Encoding.UTF8.GetString(with.PromptUtf8()!));
        Assert.Equal(without.Diagnostics.Select(d => d.Code), with.Diagnostics.Select(d => d.Code));
        Assert.Equal(["1", "3"], with.Prompt!.Select(p => p.Key));
    }

    [Theory]
    [InlineData("PresetText", """["file_prefix", "Manage"]""", "'file_prefix'")]
    [InlineData("PresetText|pysssss", """["a \"quoted\" name", "Manage"]""", "'a \"quoted\" name'")]
    [InlineData("PresetText", "[]", "(none saved)")]
    public void A_linked_preset_text_node_stops_the_conversion_naming_the_preset(string type, string widgets, string named)
    {
        var preset = $$"""{"id": 9, "type": "{{type}}", "mode": 0, "outputs": [{"name": "text", "type": "STRING", "links": [2]}], "properties": {}, "widgets_values": {{widgets}}}""";
        var result = Convert(Graph(preset + ", " + Save.Replace("LINK", "2", StringComparison.Ordinal), links: """, [2, 9, 0, 3, 1, "STRING"]"""));
        Assert.False(result.Succeeded);
        Assert.Null(result.PromptUtf8());
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(LokiCodes.ConvertBrowserPreset, error.Code);
        Assert.Equal("$.nodes[1]", error.JsonPath);
        Assert.Contains("node 9", error.Message, StringComparison.Ordinal);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [CorpusFact]
    public void The_976_node_corpus_workflow_converts_as_its_copy_without_the_two_preset_text_nodes()
    {
        // The benchmark's full conversion: the reference, a dump defining its WAS nodes, and the one Omar92 class.
        var file = Path.Combine(RepoPaths.Corpus!, "workflows/wyrde__wyrde-comfyui-workflows/why-oh-why/nulti-sample-latent-fixing-x40/multi-sample-latent-fixing-x40-v1.2.json");
        var schemas = SchemaSet.Load(
            [Path.Combine(RepoPaths.Corpus!, "schemas/reference/comfyui-0.3.64-core.object_info.json"),
             Path.Combine(RepoPaths.Corpus!, "schemas/object_info_dumps/Kiruthika-V-G__comfyui-nodes/object_info.json"),
             RepoPaths.InRepo("build", "bench-data", "ImageScaleFactor_O.object_info.json")],
            includeCatalogue: false);
        var original = (JsonObject)JsonNode.Parse(File.ReadAllBytes(file))!;
        var copy = (JsonObject)original.DeepClone();
        var nodes = (JsonArray)copy["nodes"]!;
        var removed = nodes.Where(n => (string?)n!["type"] == "PresetText").ToList();
        Assert.Equal(2, removed.Count);
        removed.ForEach(n => nodes.Remove(n));

        var full = UiToApiConverter.Convert(WorkflowLoader.Parse(File.ReadAllBytes(file), file), schemas, UiToApiOptions.Default, file);
        var trimmed = UiToApiConverter.Convert(copy, schemas, UiToApiOptions.Default, file);
        Assert.True(full.Succeeded, string.Join("\n", full.Diagnostics));
        Assert.Equal(350, full.Prompt!.Count);
        Assert.Equal(trimmed.PromptUtf8(), full.PromptUtf8());
    }

    [CorpusFact]
    public void The_corpus_workflow_with_a_linked_preset_text_node_is_reported()
    {
        var file = Path.Combine(RepoPaths.Corpus!, "workflows/wyrde__wyrde-comfyui-workflows/basics/preview/preview-example-v0.4.json");
        var result = UiToApiConverter.Convert(WorkflowLoader.Parse(File.ReadAllBytes(file), file), SchemaSet.Catalogue, UiToApiOptions.Default, file);
        var error = Assert.Single(result.Diagnostics, d => d.Code == LokiCodes.ConvertBrowserPreset);
        Assert.Contains("'file_prefix'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == LokiCodes.ConvertUnknownNodeType && d.Message.Contains("PresetText", StringComparison.Ordinal));
    }

    private static string Graph(string nodes, string links) => $$"""
        {"nodes": [{"id": 1, "type": "EmptyImage", "mode": 0, "outputs": [{"name": "IMAGE", "type": "IMAGE", "links": [1]}], "widgets_values": [8, 8, 1, 0]}, {{nodes}}],
         "links": [[1, 1, 0, 3, 0, "IMAGE"]{{links}}], "version": 0.4}
        """;

    private static UiToApiResult Convert(string json) =>
        UiToApiConverter.Convert(WorkflowLoader.Parse(Encoding.UTF8.GetBytes(json), "p.json"), SchemaSet.Catalogue, UiToApiOptions.Default, "p.json");
}
