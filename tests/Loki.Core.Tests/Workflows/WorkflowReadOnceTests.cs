using System.Text;
using System.Text.Json.Nodes;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Diagnostics;
using Loki.Core.Schemas;
using Loki.Core.Workflows;

namespace Loki.Core.Tests.Workflows;

/// <summary>
/// The loader reads a file's bytes once, builds nodes only where they are read, and checks the workflow once: the
/// conversion reuses the view it checked. These tests pin that the fast path gives what the text path gave.
/// </summary>
public sealed class WorkflowReadOnceTests : IDisposable
{
    private const string MissingLinkUi = """
        {"nodes": [
          {"id": 1, "type": "EmptyImage", "mode": 0, "outputs": [{"name": "IMAGE", "type": "IMAGE", "links": [1]}],
           "widgets_values": [64, 64, 1, 0], "pos": [10, 20], "size": [300, 100]},
          {"id": 2, "type": "PreviewImage", "mode": 0, "inputs": [{"name": "images", "type": "IMAGE", "link": 1}]},
          {"id": 3, "type": "PreviewImage", "mode": 0, "inputs": [{"name": "images", "type": "IMAGE", "link": 99}]}],
         "links": [[1, 1, 0, 2, 0, "IMAGE"]], "extra": {"ds": {"scale": 1.25, "offset": [0.5, -3e2]}}, "version": 0.4}
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("loki-read-once-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_file_with_a_byte_order_mark_and_a_repeated_key_loads_with_the_last_value()
    {
        var path = Write("bom.json", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("""{"nodes": [{"id": 1, "type": "A", "type": "EmptyImage"}], "links": []}""")]);
        var loaded = WorkflowLoader.Load(path);
        Assert.Equal("EmptyImage", loaded.Ui!["nodes"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("EmptyImage", loaded.UiView!.Root.Nodes[0].Type);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_read_as_the_text_reader_reads_them()
    {
        var path = Write("latin1.json", [.. Encoding.UTF8.GetBytes("""{"nodes": [{"id": 1, "type": "Note", "widgets_values": ["caf"""), 0xE9, .. Encoding.UTF8.GetBytes("\"]}], \"links\": []}")]);
        var loaded = WorkflowLoader.Load(path);
        Assert.Equal("caf\uFFFD", loaded.Ui!["nodes"]![0]!["widgets_values"]![0]!.GetValue<string>());
    }

    [Fact]
    public void A_syntax_error_in_a_file_names_line_column_and_path()
    {
        var path = Write("broken.json", Encoding.UTF8.GetBytes("{\"nodes\": [\n  {\"id\": 1, \"type\": \"A\",}\n], \"links\": []}"));
        var e = Assert.Throws<LokiException>(() => WorkflowLoader.Load(path));
        Assert.Equal(LokiCodes.WorkflowInvalidJson, e.Diagnostic.Code);
        Assert.Equal(path, e.Diagnostic.File);
        Assert.Equal(2, e.Diagnostic.Line);
        Assert.StartsWith("$.nodes[0]", e.Diagnostic.JsonPath, StringComparison.Ordinal);
    }

    [Fact]
    public void Unread_parts_are_written_back_exactly()
    {
        var loaded = WorkflowLoader.Load(Write("round.json", Encoding.UTF8.GetBytes(MissingLinkUi)));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(MissingLinkUi), loaded.Ui));
        Assert.Equal("""{"scale":1.25,"offset":[0.5,-3e2]}""", loaded.Ui!["extra"]!["ds"]!.ToJsonString());
    }

    [Fact]
    public void Converting_a_loaded_file_reuses_its_checked_view_and_reports_the_same()
    {
        var path = Write("missing-link.json", Encoding.UTF8.GetBytes(MissingLinkUi));
        var loaded = WorkflowLoader.Load(path);
        Assert.Same(loaded.Ui, loaded.UiView!.Raw);
        Assert.Contains(loaded.Warnings!, d => d.Code == LokiCodes.WorkflowMissingLink);

        var fromFile = UiToApiConverter.Convert(loaded, SchemaSet.Catalogue, UiToApiOptions.Default, path);
        var fromJson = UiToApiConverter.Convert(loaded.Ui!, SchemaSet.Catalogue, UiToApiOptions.Default, path);
        Assert.True(fromFile.Succeeded);
        Assert.Equal(fromJson.Prompt!.ToJsonString(), fromFile.Prompt!.ToJsonString());
        Assert.Equal(fromJson.Diagnostics, fromFile.Diagnostics);
        Assert.Single(fromFile.Diagnostics, d => d.Code == LokiCodes.WorkflowMissingLink);
    }

    [Fact]
    public void A_view_checked_under_another_name_or_for_another_object_is_not_reused()
    {
        var loaded = WorkflowLoader.Load(Write("named.json", Encoding.UTF8.GetBytes(MissingLinkUi)));
        var renamed = UiToApiConverter.Convert(loaded, SchemaSet.Catalogue, UiToApiOptions.Default, "other.json");
        Assert.All(renamed.Diagnostics, d => Assert.Equal("other.json", d.File));

        var copy = loaded with { Ui = (JsonObject)loaded.Ui!.DeepClone() };
        Assert.Null(copy.UiView);
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
