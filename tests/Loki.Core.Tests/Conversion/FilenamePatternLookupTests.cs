using System.Text.Json.Nodes;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Schemas;
using Loki.Core.Workflows;

namespace Loki.Core.Tests.Conversion;

/// <summary>
/// The nodes a save node's <c>%Node.widget%</c> patterns name, found as the frontend's <c>applyTextReplacements</c>
/// finds them (<see cref="TemplateNodes"/> fills its tables only as far as a pattern needs): the first node whose
/// "Node name for S&amp;R" (else its type) matches, only then the first whose title matches; patterns that name
/// nothing are left as written, in any order of asking.
/// </summary>
public sealed class FilenamePatternLookupTests
{
    // Node 1 and 2 share the S&R name "Size" (1 comes first in the list, though its id is larger in 'order');
    // node 3 has no properties (its type counts); node 4's S&R name differs from its type; node 5 is titled "Sized".
    private const string Nodes = """
        {"id": 10, "type": "EmptyImage", "mode": 0, "properties": {"Node name for S&R": "Size"}, "widgets_values": [11, 12, 1, 0]},
        {"id": 2, "type": "EmptyImage", "mode": 0, "properties": {"Node name for S&R": "Size"}, "widgets_values": [21, 22, 1, 0]},
        {"id": 3, "type": "EmptyLatentImage", "mode": 0, "widgets_values": [31, 32, 1]},
        {"id": 4, "type": "EmptyImage", "mode": 0, "title": "Size", "properties": {"Node name for S&R": "Other"}, "widgets_values": [41, 42, 1, 0]},
        {"id": 5, "type": "EmptyImage", "mode": 0, "title": "Sized", "properties": {"Node name for S&R": "EmptyImage"}, "widgets_values": [51, 52, 1, 0]}
        """;

    [Theory]
    [InlineData("%Size.width%", "11")]
    [InlineData("%EmptyLatentImage.height%_%Size.height%", "32_12")]
    [InlineData("%Other.width%-%Sized.width%-%Size.width%", "41-51-11")]
    [InlineData("%Sized.height%/%EmptyImage.width%", "52/51")]
    [InlineData("%Missing.width%_%Size.width%_%Sized.none%", "%Missing.width%_11_%Sized.none%")]
    [InlineData("%Sized.width%%Size.width%", "5111")]
    [InlineData("plain", "plain")]
    public void Patterns_name_the_first_node_by_search_name_then_by_title(string prefix, string expected)
    {
        var ui = (JsonObject)JsonNode.Parse($$"""
            {"nodes": [{{Nodes}},
              {"id": 9, "type": "SaveImage", "mode": 0, "inputs": [{"name": "images", "type": "IMAGE", "link": 1}], "widgets_values": ["{{prefix}}"]}],
             "links": [[1, 10, 0, 9, 0, "IMAGE"]], "version": 0.4}
            """)!;
        var result = UiToApiConverter.Convert(ui, SchemaSet.Catalogue, UiToApiOptions.Default, "t.json");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(expected, result.Prompt!["9"]!["inputs"]!["filename_prefix"]!.GetValue<string>());
    }

    [Fact]
    public void Save_nodes_sharing_a_prefix_or_not_each_get_their_own_fill()
    {
        // A prefix is filled once per conversion and reused by the save nodes that share it; each other prefix (a
        // pattern, a date, none) is filled for itself.
        var prefixes = new[] { "%Size.width%", "%Size.height%", "%Size.width%", "%date:yyyy%-%Size.width%", "plain", "%Size.height%" };
        var saves = prefixes.Select((prefix, i) =>
            $$"""{"id": {{20 + i}}, "type": "SaveImage", "mode": 0, "inputs": [{"name": "images", "type": "IMAGE", "link": {{i + 1}}}], "widgets_values": ["{{prefix}}"]}""");
        var links = prefixes.Select((_, i) => $"[{i + 1}, 10, 0, {20 + i}, 0, \"IMAGE\"]");
        var ui = (JsonObject)JsonNode.Parse($$"""
            {"nodes": [{{Nodes}}, {{string.Join(", ", saves)}}], "links": [{{string.Join(", ", links)}}], "version": 0.4}
            """)!;
        var options = UiToApiOptions.Default with { Date = new DateTime(2031, 5, 6) };
        var result = UiToApiConverter.Convert(ui, SchemaSet.Catalogue, options, "t.json");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var filled = prefixes.Select((_, i) => result.Prompt![$"{20 + i}"]!["inputs"]!["filename_prefix"]!.GetValue<string>());
        Assert.Equal(["11", "12", "11", "2031-11", "plain", "12"], filled);
    }

    [Theory]
    [InlineData("""{"Node name for S&R": "Size"}""")]
    [InlineData("""{"Node name for S&R": "Other", "x": {"Node name for S&R": "Nested"}, "Node name for S&R": "Size"}""")]
    [InlineData("""{"Node name for S&R": "Size", "Node name for S&R": "Other"}""")]
    [InlineData("""{"Node name for S\u0026R": "Size"}""")]
    [InlineData("""{"Node name for S&R": "S\u0069ze"}""")]
    [InlineData("""{"Node name for S&R": 7}""")]
    [InlineData("""{"Node name for S&R": null, "a": [1, {"b": "Size"}]}""")]
    [InlineData("""{"N\u00f6de": "Size", "Node name for S&R": "Gr\u00f6\u00dfe"}""")]
    [InlineData("""[]""")]
    [InlineData("\"Size\"")]
    [InlineData("null")]
    public void Search_names_read_from_the_file_match_the_document_path(string properties)
    {
        // The direct reader's nodes read "Node name for S&R" from the file's bytes (no document per node): the last
        // value of the key as written or escaped, a string only; the same fills as the whole-file document gives.
        var json = $$"""
            {"nodes": [
              {"id": 1, "type": "EmptyImage", "mode": 0, "properties": {{properties}}, "widgets_values": [11, 12, 1, 0]},
              {"id": 2, "type": "EmptyImage", "mode": 0, "title": "Size", "properties": {"Node name for S&R": "EmptyImage"}, "widgets_values": [21, 22, 1, 0]},
              {"id": 3, "type": "EmptyImage", "mode": 0, "title": "Other", "widgets_values": [31, 32, 1, 0]},
              {"id": 9, "type": "SaveImage", "mode": 0, "inputs": [{"name": "images", "type": "IMAGE", "link": 1}], "widgets_values": ["%Size.width%_%Other.width%_%Größe.width%_%Nested.width%_%7.width%"]}],
             "links": [[1, 1, 0, 9, 0, "IMAGE"]], "version": 0.4}
            """;
        // Converted before anything else reads the views (which would build the properties objects first).
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        var direct = WorkflowLoader.Parse(bytes, "p.json");
        var element = WorkflowLoader.ParseElementPath(bytes, "p.json");
        Assert.NotNull(direct.UiView!.Source);
        var fromFile = UiToApiConverter.Convert(direct, SchemaSet.Catalogue, UiToApiOptions.Default, "p.json");
        var fromDocument = UiToApiConverter.Convert(element, SchemaSet.Catalogue, UiToApiOptions.Default, "p.json");
        Assert.True(fromDocument.Succeeded);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(fromDocument.PromptUtf8()!), System.Text.Encoding.UTF8.GetString(fromFile.PromptUtf8()!));
        Assert.True(Loki.Core.Tests.Workflows.LoaderPaths.AssertSame(bytes, "p.json", SchemaSet.Catalogue));
    }
}
