using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Text;
using Loki.Core.Workflows;

namespace Loki.Core.Tests.Workflows;

public sealed class WorkflowLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("loki-wf-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string SmallUi = """
        {"last_node_id": 2, "last_link_id": 1, "custom_key": {"kept": [1, 2, 3]},
         "nodes": [
          {"id": 1, "type": "EmptyImage", "mode": 0, "outputs": [{"name": "IMAGE", "type": "IMAGE", "links": [1]}],
           "widgets_values": [64, 64, 1, 0], "my_extension": {"x": "y"}},
          {"id": 2, "type": "PreviewImage", "mode": 0, "inputs": [{"name": "images", "type": "IMAGE", "link": 1}]}],
         "links": [[1, 1, 0, 2, 0, "IMAGE"]], "groups": [], "extra": {"ds": {"scale": 1}}, "version": 0.4}
        """;

    [Fact]
    public void Parse_detects_ui_and_api_formats()
    {
        Assert.Equal(WorkflowFormat.UiJson, WorkflowLoader.Parse(SmallUi, "a.json").Format);
        var api = WorkflowLoader.Parse("""{"1": {"class_type": "EmptyImage", "inputs": {"width": 64}}}""", "b.json");
        Assert.Equal(WorkflowFormat.ApiJson, api.Format);
        Assert.NotNull(api.Api);
        Assert.Null(api.Ui);
    }

    [Fact]
    public void Unknown_keys_survive_a_read_write_round_trip()
    {
        var first = WorkflowLoader.Parse(SmallUi, "a.json");
        var written = CanonicalJson.Write(first.Ui);
        var second = WorkflowLoader.Parse(written, "a.json");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(SmallUi), second.Ui));
        Assert.Equal("y", second.Ui!["nodes"]![0]!["my_extension"]!["x"]!.GetValue<string>());
        Assert.Equal(3, second.Ui["custom_key"]!["kept"]!.AsArray().Count);
    }

    [Fact]
    public void Typed_view_reads_both_link_forms()
    {
        var v04 = UiWorkflow.View(WorkflowLoader.Parse(SmallUi, "a.json").Ui!, "a.json");
        var link = v04.Root.Link(1)!;
        Assert.Equal(("1", 0, "2", 0, "IMAGE"), (link.OriginId, link.OriginSlot, link.TargetId, link.TargetSlot, link.Type));

        var v1 = UiWorkflow.View((JsonObject)JsonNode.Parse("""
            {"version": 1, "state": {}, "nodes": [{"id": 4, "type": "A"}, {"id": 5, "type": "B", "inputs": [{"name": "x", "type": "X", "link": 7}]}],
             "links": [{"id": 7, "origin_id": 4, "origin_slot": "1", "target_id": 5, "target_slot": 0, "type": ["X", "Y"]}]}
            """)!, "b.json");
        Assert.Equal(1.0, v1.Version);
        var l1 = v1.Root.Link(7)!;
        Assert.Equal(("4", 1, "X,Y"), (l1.OriginId, l1.OriginSlot, l1.Type));
        Assert.Equal(7, v1.Root.Node("5")!.Inputs[0].Link);
    }

    [Theory]
    [InlineData("{\"nodes\": [{\"id\": 1,", 1)]
    [InlineData("{\n\"nodes\": [\n{\"id\": 1 \"type\": \"A\"}]}", 3)]
    public void Malformed_or_truncated_json_is_rejected_with_its_line(string json, int line)
    {
        var e = Assert.Throws<LokiException>(() => WorkflowLoader.Parse(json, "bad.json"));
        Assert.Equal(LokiCodes.WorkflowInvalidJson, e.Diagnostic.Code);
        Assert.Equal("bad.json", e.Diagnostic.File);
        Assert.Equal(line, e.Diagnostic.Line);
    }

    [Fact]
    public void Duplicate_node_ids_are_rejected_with_the_json_path()
    {
        var json = SmallUi.Replace("\"id\": 2,", "\"id\": 1,").Replace("[1, 1, 0, 2, 0", "[1, 1, 0, 1, 0");
        var e = Assert.Throws<LokiException>(() => WorkflowLoader.Parse(json, "dup.json"));
        Assert.Equal(LokiCodes.WorkflowDuplicateNodeId, e.Diagnostic.Code);
        Assert.Equal("$.nodes[1].id", e.Diagnostic.JsonPath);
    }

    [Fact]
    public void A_link_from_a_missing_node_is_rejected_with_the_json_path()
    {
        var json = SmallUi.Replace("[1, 1, 0, 2, 0", "[1, 9, 0, 2, 0");
        var e = Assert.Throws<LokiException>(() => WorkflowLoader.Parse(json, "missing.json"));
        Assert.Equal(LokiCodes.WorkflowLinkToMissingNode, e.Diagnostic.Code);
        Assert.Equal("$.links[0]", e.Diagnostic.JsonPath);
    }

    [Fact]
    public void An_api_link_to_a_missing_node_is_rejected()
    {
        var e = Assert.Throws<LokiException>(() => WorkflowLoader.Parse("""{"1": {"class_type": "A", "inputs": {"x": ["7", 0]}}}""", "p.json"));
        Assert.Equal(LokiCodes.PromptLinkToMissingNode, e.Diagnostic.Code);
        Assert.Equal("$[\"1\"].inputs.x", e.Diagnostic.JsonPath);
    }

    [Fact]
    public void A_key_written_twice_keeps_its_last_value_as_json_parse_does()
    {
        var loaded = WorkflowLoader.Parse("""{"nodes": [{"id": 1, "type": "A", "type": "EmptyImage"}], "links": []}""", "dup-key.json");
        Assert.Equal("EmptyImage", loaded.Ui!["nodes"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("EmptyImage", UiWorkflow.View(loaded.Ui, "dup-key.json").Root.Nodes[0].Type);
    }

    [Fact]
    public void Json_that_is_no_workflow_is_rejected()
    {
        var e = Assert.Throws<LokiException>(() => WorkflowLoader.Parse("""{"hello": 1}""", "x.json"));
        Assert.Equal(LokiCodes.WorkflowUnknownFormat, e.Diagnostic.Code);
    }

    [Fact]
    public void A_file_over_50_mb_is_rejected_before_it_is_read()
    {
        var path = Path.Combine(_dir, "huge.json");
        using (var stream = File.Create(path))
        {
            stream.SetLength(JsonSource.MaxFileBytes + 1);
        }

        var e = Assert.Throws<LokiException>(() => WorkflowLoader.Load(path));
        Assert.Equal(LokiCodes.FileTooLarge, e.Diagnostic.Code);
        Assert.Equal(path, e.Diagnostic.File);
    }

    [Fact]
    public void A_missing_file_is_reported()
    {
        var e = Assert.Throws<LokiException>(() => WorkflowLoader.Load(Path.Combine(_dir, "nope.json")));
        Assert.Equal(LokiCodes.FileNotFound, e.Diagnostic.Code);
    }

    [Fact]
    public void Subgraph_definitions_are_collected_with_nesting()
    {
        var json = """
            {"nodes": [{"id": 1, "type": "sg-a"}], "links": [],
             "definitions": {"subgraphs": [
               {"id": "sg-a", "version": 1, "nodes": [{"id": 1, "type": "sg-b"}], "links": [],
                "inputs": [], "outputs": [],
                "definitions": {"subgraphs": [{"id": "sg-b", "version": 1, "nodes": [], "links": [], "inputs": [{"name": "t", "type": "STRING"}], "outputs": []}]}}]},
             "version": 0.4}
            """;
        var view = UiWorkflow.View(WorkflowLoader.Parse(json, "s.json").Ui!, "s.json");
        Assert.Equal(["sg-a", "sg-b"], view.Subgraphs.Keys.Order());
        Assert.Equal("t", view.Subgraphs["sg-b"].SubgraphInputs[0].Name);
    }
}
