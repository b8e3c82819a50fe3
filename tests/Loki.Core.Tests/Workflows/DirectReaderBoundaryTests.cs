using System.Text;
using Loki.Core.Schemas;

namespace Loki.Core.Tests.Workflows;

/// <summary>
/// Where the direct reader reads a workflow itself and where it leaves it to the whole-file document: each case is
/// loaded both ways (<see cref="LoaderPaths"/>) and must give the same errors, views, root object and prompt, and each
/// says which path it must take, so a boundary that moves fails here.
/// </summary>
public sealed class DirectReaderBoundaryTests
{
    private const string Node = """{"id": 1, "type": "EmptyImage", "mode": 0, "order": 0, "title": "T", "inputs": [], "outputs": [{"name": "IMAGE", "type": "IMAGE", "links": [1]}], "widgets_values": [512, 512, 1, 0], "properties": {"k": 1}}""";
    private const string Sink = """{"id": 2, "type": "PreviewImage", "inputs": [{"name": "images", "type": "IMAGE", "link": 1}]}""";

    // A subgraph instance (node 3) whose definition makes an image that leaves through its output to SINK.
    private const string Instance = """{"id": 3, "type": "11111111-2222-3333-4444-555555555555", "mode": 0, "inputs": [], "outputs": [{"name": "IMAGE", "type": "IMAGE", "links": [1]}]}""";
    private const string Definition = """{"id": "11111111-2222-3333-4444-555555555555", "name": "S", "inputs": [{"name": "unused", "type": "INT", "linkIds": []}], "outputs": [{"name": "IMAGE", "type": "IMAGE", "linkIds": [5], "extra": {"linkIds": 1}}], "nodes": [NODE], "links": [{"id": 5, "origin_id": 1, "origin_slot": 0, "target_id": -20, "target_slot": 0, "type": "IMAGE"}], "widgets": [], "definitions": {"subgraphs": [{"id": "nested", "nodes": [{"id": 4, "type": "PreviewImage"}], "links": []}]}}""";

    [Theory]
    [InlineData("""{"nodes": [], "links": []}""")]
    [InlineData("""{"nodes": []}""")]
    [InlineData("""{"nodes": [], "links": null, "version": 0.4}""")]
    [InlineData("\uFEFF{\"nodes\": []}")]
    [InlineData("""{"nodes": [NODE, SINK], "links": [[1, 1, 0, 2, 0, "IMAGE"]], "version": 0.4}""")]
    [InlineData("""{"nodes": [NODE, SINK], "links": [{"id": 1, "origin_id": 1, "origin_slot": 0, "target_id": 2, "target_slot": 0, "type": "IMAGE"}], "version": 1}""")]
    [InlineData("""{"nodes": [NODE, SINK], "links": [[1, "1", "0", 2, 0, ["IMAGE", "MASK"], "extra"], [2, 1, 0], null, 7, [null, 1, 0, 2, 0]]}""")]
    [InlineData("""{"nodes": [NODE, SINK], "links": [[1.0, 1e0, 0, 2, -0, "IMAGE"], [12345678901234567890, 1, 0, 2, 0, 5]]}""")]
    [InlineData("""{"nodes": [NODE, {"id": 2, "type": "PreviewImage", "inputs": [7, {"name": "images", "type": ["IMAGE"], "link": "1", "widget": {"name": "w", "x": 1}}, {"widget": 3}]}], "links": [[1, 1, 0, 2, 1, "IMAGE"]]}""")]
    [InlineData("""{"nodes": [NODE, SINK], "links": [[1, 1, 0, 2, 0, "IMAGE"]], "extra": {"ds": {"scale": 1, "scale": 2}, "groupNodes": {}}, "groups": [{"a": 1, "a": 2}]}""")]
    [InlineData("""{"nodes": [{"id": "caf\u00e9 \u65e5", "type": "\u00e9\\u00e9", "title": "\"quoted\"\n", "mode": "4", "order": 1.5, "widgets_values": {"seed": 1, "seed": 2}, "properties": {"deep": {"z": 1, "z": 2}}, "outputs": [{"name": "o", "name": "p"}]}]}""")]
    [InlineData("""{"nodes": [NODE, SINK], "links": [[1, 1, 0, 9, 0, "IMAGE"]]}""")]
    [InlineData("""{"nodes": [NODE, {"id": 2, "type": "PreviewImage", "inputs": [{"name": "images", "type": "IMAGE", "link": 99}]}], "links": []}""")]
    [InlineData("""{"nodes": [NODE, NODE], "links": []}""")]
    [InlineData("""{"nodes": [NODE, {"id": 2, "type": "workflow>G", "mode": 4, "inputs": [{"name": "images", "type": "IMAGE", "link": 1}]}], "links": [[1, 1, 0, 2, 0, "IMAGE"]], "extra": {"groupNodes": {"G": {"nodes": [{"type": "PreviewImage", "index": 0, "inputs": [{"name": "images", "type": "IMAGE", "link": null}]}], "links": [], "external": []}}}}""")]
    [InlineData("""{"nodes": [{"id": 1, "type": "A", "widgets_values": null, "properties": "p", "outputs": {}, "inputs": {}}], "links": null, "name": "root", "id": 5}""")]
    [InlineData("""{"nodes": [{"id": 1}], "definitions": {"subgraphs": []}}""")]
    [InlineData("""{"nodes": [{"id": 1}], "definitions": null}""")]
    [InlineData("""{"nodes": [{"id": 1}], "definitions": {"subgraphs": {}, "other": [1, 2]}}""")]
    [InlineData("""{"definitions": {"subgraphs": [7, null, DEF]}, "nodes": [INSTANCE, SINK], "links": [[1, 3, 0, 2, 0, "IMAGE"]]}""")]
    [InlineData("""{"nodes": [INSTANCE, SINK], "links": [[1, 3, 0, 2, 0, "IMAGE"]], "definitions": {"x": {}, "subgraphs": [DEF, {"id": "11111111-2222-3333-4444-555555555555", "name": "repeated id: the first kept", "nodes": []}]}}""")]
    [InlineData("""{"nodes": [INSTANCE, SINK], "links": [[1, 3, 0, 2, 0, "IMAGE"]], "definitions": {"subgraphs": [{"name": "no id: left out with what it nests", "nodes": [{"id": 1}], "definitions": {"subgraphs": [{"id": "n1"}]}}, {"id": 5, "nodes": []}, DEF]}}""")]
    [InlineData("""{"nodes": [INSTANCE, SINK], "links": [[1, 3, 0, 2, 0, "IMAGE"]], "definitions": {"subgraphs": [{"id": "outer", "definitions": {"subgraphs": [{"id": "inner", "nodes": [{"id": 7, "type": "PreviewImage"}], "definitions": {"subgraphs": [{"id": "innermost"}]}}, {"id": "outer"}]}, "nodes": {}, "links": null, "inputs": [3, {"name": 1, "type": ["A", "B"]}, {"type": 5, "x": {"name": 1, "name": 2}}], "outputs": "o", "name": ["n"]}, DEF]}}""")]
    [InlineData("""{"nodes": [INSTANCE, SINK], "links": [[1, 3, 0, 2, 0, "IMAGE"]], "definitions": {"subgraphs": [{"id": "11111111-2222-3333-4444-555555555555", "name": "S", "inputs": [], "outputs": [{"name": "IMAGE", "type": "IMAGE", "linkIds": []}], "nodes": [{"id": 1, "type": "EmptyImage", "widgets_values": [64, 64, 1, 0]}], "links": [[5, 1, 0, -20, 0, "IMAGE"]]}]}}""")]
    [InlineData("""{"nodes": [INSTANCE, SINK], "links": [[1, 3, 0, 2, 0, "IMAGE"]], "definitions": {"subgraphs": [{"id": "11111111-2222-3333-4444-555555555555", "name": "S", "inputs": [], "outputs": [{"name": "IMAGE", "type": "IMAGE", "linkIds": ["5", 9]}, {"linkIds": 3}, {"linkIds": [null]}, {"linkIds": [[1], 2]}], "nodes": [{"id": 1, "type": "EmptyImage", "widgets_values": [64, 64, 1, 0]}], "links": [{"id": 5, "origin_id": 1, "origin_slot": 0, "target_id": -20, "target_slot": 0, "type": "IMAGE"}]}]}}""")]
    [InlineData("""{"nodes": [INSTANCE, SINK], "links": [[1, 3, 0, 2, 0, "IMAGE"]], "definitions": {"subgraphs": [{"id": "11111111-2222-3333-4444-555555555555", "nodes": [{"id": 1, "type": "EmptyImage"}, {"id": 1, "type": "EmptyImage"}], "links": [[5, 1, 0, 9, 0, "IMAGE"]], "outputs": [{"name": "IMAGE", "type": "IMAGE", "linkIds": [5]}]}]}}""")]
    public void Common_shapes_take_the_direct_reader_and_read_as_the_document_does(string json) =>
        Assert.True(LoaderPaths.AssertSame(Bytes(json), "direct.json", SchemaSet.Catalogue), "expected the direct reader");

    [Theory]
    [InlineData("""{"nodes": [INSTANCE], "definitions": {"subgraphs": [{"id": "a", "nodes": [], "nodes": []}]}}""")]
    [InlineData("""{"nodes": [INSTANCE], "definitions": {"subgraphs": [{"id": "a", "id": "b"}]}}""")]
    [InlineData("""{"nodes": [INSTANCE], "definitions": {"subgraphs": [{"\u0069d": "a"}]}}""")]
    [InlineData("""{"nodes": [INSTANCE], "definitions": {"subgraphs": [{"id": "a", "x\u0041": 1}]}}""")]
    [InlineData("""{"nodes": [INSTANCE], "definitions": {"sub\u0067raphs": [DEF]}}""")]
    [InlineData("""{"nodes": [INSTANCE], "definitions": {"subgraphs": [], "subgraphs": [DEF]}}""")]
    [InlineData("""{"nodes": [INSTANCE], "definitions": {"subgraphs": [DEF]}, "definitions": {}}""")]
    [InlineData("""{"nodes": [INSTANCE], "definitions": {"subgraphs": [{"id": "a", "nodes": [{"type": "A"}]}]}}""")]
    [InlineData("""{"nodes": [INSTANCE], "definitions": {"subgraphs": [{"id": "a", "nodes": [7]}]}}""")]
    [InlineData("""{"nodes": [INSTANCE], "definitions": {"subgraphs": [{"id": "a", "inputs": [{"name": "x", "name": "y"}]}]}}""")]
    [InlineData("""{"nodes": [INSTANCE], "definitions": {"subgraphs": [{"id": "a", "outputs": [{"linkIds": [1], "linkIds": [2]}]}]}}""")]
    [InlineData("""{"nodes": [INSTANCE], "definitions": {"subgraphs": [{"id": "a", "outputs": [{"t\u0079pe": "X"}]}]}}""")]
    [InlineData("""{"nodes": [INSTANCE], "definitions": {"subgraphs": [{"id": "a", "links": [{"id": 1, "id": 2}]}]}}""")]
    [InlineData("""{"nodes": [INSTANCE], "definitions": {"subgraphs": [{"id": "a", "definitions": {"subgraphs": [{"id": "b", "id": "c"}]}}]}}""")]
    [InlineData("""{"nodes": [{"id": 1}], "nodes": []}""")]
    [InlineData("""{"nodes": [{"id": 1, "type": "A", "type": "B"}]}""")]
    [InlineData("""{"nodes": [{"id": 1, "inputs": [{"name": "a", "link": 1, "link": 2}]}]}""")]
    [InlineData("""{"nodes": [{"id": 1, "inputs": [{"name": "a", "widget": {"name": "x", "name": "y"}}]}]}""")]
    [InlineData("""{"nodes": [{"id": 1}], "links": [{"id": 1, "id": 2, "origin_id": 1, "origin_slot": 0, "target_id": 1, "target_slot": 0}]}""")]
    [InlineData("""{"nodes": [{"id": 1}], "extra": {"groupNodes": {}, "groupNodes": {"G": {}}}}""")]
    [InlineData("""{"nodes": [{"id": 1}], "extra": {}, "extra": {"groupNodes": {}}}""")]
    [InlineData("""{"nodes": [{"\u0069d": 1}]}""")]
    [InlineData("""{"nodes": [{"id": 1, "x\u0041": 1}]}""")]
    [InlineData("""{"n\u006fdes": [{"id": 1}]}""")]
    [InlineData("""{"nodes": [{"id": 1, "inputs": [{"n\u0061me": "a"}]}]}""")]
    [InlineData("""{"nodes": [{"id": 1}], "extra": {"gr\u006fupNodes": {}}}""")]
    [InlineData("""{"nodes": [{"type": "A"}]}""")]
    [InlineData("""{"nodes": [{"id": null}]}""")]
    [InlineData("""{"nodes": [{"id": [1]}]}""")]
    [InlineData("""{"nodes": [7]}""")]
    [InlineData("""{"nodes": {}}""")]
    [InlineData("""{"nodes": null, "prompt": {}}""")]
    [InlineData("""{"nodes": [{"id": 1}], "links": "x"}""")]
    [InlineData("""{"nodes": [{"id": 1}], "links": {}}""")]
    [InlineData("""{"workflow": {"nodes": [{"id": 1}]}, "prompt": {"1": {"class_type": "A", "inputs": {}}}}""")]
    [InlineData("""{"1": {"class_type": "A", "inputs": {}}}""")]
    [InlineData("""[{"nodes": []}]""")]
    [InlineData("""null""")]
    [InlineData("")]
    [InlineData("""{"nodes": []} x""")]
    [InlineData("""{"nodes": [], }""")]
    [InlineData("""{"nodes": [] /* c */}""")]
    [InlineData("""{"nodes": [{"id": 1, "widgets_values": [1, 2,]}]}""")]
    [InlineData("""{"nodes": [{"id": 1, "title": "unterminated}]}""")]
    [InlineData("""{"nodes": [{"id": 01}]}""")]
    [InlineData("""{"nodes": [{"id": 1, "outputs": [{"name": "o"]}]}""")]
    public void Unusual_shapes_and_bad_text_go_the_document_path_with_its_results(string json) =>
        Assert.False(LoaderPaths.AssertSame(Bytes(json), "unusual.json", SchemaSet.Catalogue), "expected the document path");

    [Fact]
    public void Every_truncation_of_a_workflow_fails_with_the_document_paths_error()
    {
        var json = Bytes("""{"nodes": [NODE, SINK], "links": [[1, 1, 0, 2, 0, "IMAGE"]], "extra": {"ds": {"scale": 1.5}}, "version": 0.4}""");
        for (var cut = 0; cut < json.Length; cut++)
        {
            Assert.False(LoaderPaths.AssertSame(json[..cut], "cut.json"), $"a text cut at {cut} was read");
        }
    }

    [Fact]
    public void Text_that_is_not_utf8_and_nesting_past_the_readers_default_depth_read_as_the_document_does()
    {
        var invalid = Bytes("""{"nodes": [{"id": 1, "title": "XX"}]}""");
        invalid[Array.IndexOf(invalid, (byte)'X')] = 0xC3;
        Assert.False(LoaderPaths.AssertSame(invalid, "latin1.json"));

        // Utf8JsonReader's default depth is 64; the loader's documents allow 512, and so must the direct reader.
        var deep = string.Concat(Enumerable.Repeat("[", 100)) + string.Concat(Enumerable.Repeat("]", 100));
        Assert.True(LoaderPaths.AssertSame(Bytes("""{"nodes": [{"id": 1, "properties": {"d": """ + deep + "}}]}"), "deep.json"));
        var tooDeep = string.Concat(Enumerable.Repeat("[", 600)) + string.Concat(Enumerable.Repeat("]", 600));
        Assert.False(LoaderPaths.AssertSame(Bytes("""{"nodes": [{"id": 1, "properties": {"d": """ + tooDeep + "}}]}"), "toodeep.json"));
    }

    private static byte[] Bytes(string json) => Encoding.UTF8.GetBytes(json.Replace("DEF", Definition, StringComparison.Ordinal).Replace("INSTANCE", Instance, StringComparison.Ordinal)
        .Replace("NODE", Node, StringComparison.Ordinal).Replace("SINK", Sink, StringComparison.Ordinal));
}
