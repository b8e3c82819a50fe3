using System.Text;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Schemas;
using Loki.Core.Tests.Workflows;
using Loki.Core.Workflows;

namespace Loki.Core.Tests.Conversion;

/// <summary>
/// The direct reader keeps each <c>widgets_values</c> entry as its place in the file (<see cref="SavedValue"/>) and the
/// converter maps, weighs and writes them from there, with no document per node: every form of value (plain, escaped
/// and non-ASCII strings, numbers in every form, literals, nested lists and objects with a key written twice, control
/// modes, legacy sampler names, filename patterns, dynamic prompts, a primitive's value, values by name) must convert to
/// the bytes and diagnostics of the whole-file document's path, with one definition or several to choose from.
/// </summary>
public sealed class SavedWidgetValuesTests : IDisposable
{
    private const string Texts = """
        ["plain text", "tab\there", "quote \" here", "caf\u00e9", "café ☕", "a/b {x|y}", "", "\u0041BC", "//c\nd", "{a|b} or {c|d}"]
        """;

    private const string Numbers = """
        [1e400, -0, 1.0, 0.1e2, 123456789012345678901234, -7, 3.25, 1E-7]
        """;

    private const string PickA = """{"Pick": {"input": {"required": {"mode": [["alpha", "beta", "caf\u00e9"]], "count": ["INT", {"default": 1}], "on": ["BOOLEAN", {"default": true}], "note": ["STRING", {"default": "n"}], "scale": ["FLOAT", {"default": 0.5}]}}, "output": ["INT"], "name": "Pick"}}""";
    private const string PickB = """{"Pick": {"input": {"required": {"mode": [["gamma", 7, "tab\there"]], "count": ["INT", {"default": 2}], "seed": ["INT", {"default": 0, "control_after_generate": true}], "text": ["STRING", {"default": ""}]}}, "output": ["INT"], "name": "Pick"}}""";

    private readonly string _dir = Directory.CreateTempSubdirectory("loki-saved-").FullName;

    public static TheoryData<string> Values()
    {
        var data = new TheoryData<string>();
        foreach (var text in System.Text.Json.JsonDocument.Parse(Texts).RootElement.EnumerateArray())
        {
            data.Add(text.GetRawText());
        }

        foreach (var raw in new[] { "1e400", "-0", "1.0", "0.1e2", "123456789012345678901234", "-7", "3.25", "1E-7", "null", "true", "false", "[1, {\"a\": 1, \"a\": 2}]", "{\"k\": [1], \"k\": 2}", "[]", "{}" })
        {
            data.Add(raw);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void Every_form_of_saved_value_converts_as_the_document_path_converts_it(string value)
    {
        var schemas = Schemas();
        var json = $$$"""
            {"nodes": [
              {"id": 1, "type": "KSampler", "mode": 0, "order": 0, "inputs": [{"name": "model", "type": "MODEL", "link": null}], "widgets_values": [{{{value}}}, "randomize", {{{value}}}, {{{value}}}, "sample_euler", {{{value}}}, {{{value}}}]},
              {"id": 2, "type": "CLIPTextEncode", "mode": 0, "order": 1, "widgets_values": [{{{value}}}]},
              {"id": 3, "type": "SaveImage", "mode": 0, "order": 2, "widgets_values": [{{{value}}}]},
              {"id": 4, "type": "Pick", "mode": 0, "order": 3, "widgets_values": [{{{value}}}, {{{value}}}, "fixed", {{{value}}}]},
              {"id": 5, "type": "Pick", "mode": 0, "order": 4, "widgets_values": ["alpha", {{{value}}}, {{{value}}}, {{{value}}}, {{{value}}}]},
              {"id": 6, "type": "Pick", "mode": 0, "order": 5, "widgets_values": {"mode": {{{value}}}, "count": 3}},
              {"id": 7, "type": "PrimitiveNode", "mode": 0, "order": 6, "outputs": [{"name": "INT", "type": "INT", "links": [1], "widget": {"name": "count"}}], "widgets_values": [{{{value}}}, "fixed"]},
              {"id": 8, "type": "Pick", "mode": 0, "order": 7, "inputs": [{"name": "count", "type": "INT", "link": 1, "widget": {"name": "count"}}], "widgets_values": ["gamma", 5, 9, "increment", "t"]},
              {"id": 9, "type": "EmptyLatentImage", "mode": 0, "order": 8, "widgets_values": []}
            ], "links": [[1, 7, 0, 8, 0, "INT"]], "version": 0.4}
            """;
        var bytes = Encoding.UTF8.GetBytes(json);
        Assert.True(LoaderPaths.AssertSame(bytes, "saved.json", schemas), "the direct reader did not read the workflow");

        // The direct path kept the positional values as their places in the file.
        var view = WorkflowLoader.Parse(bytes, "saved.json").UiView!;
        Assert.NotNull(view.Root.Nodes[0].SavedWidgetValues.Node);
        Assert.Equal(7, view.Root.Nodes[0].SavedWidgetValues.Count);
        Assert.Equal(0, view.Root.Nodes[5].SavedWidgetValues.Count);
    }

    [Fact]
    public void Values_of_the_file_are_written_from_its_bytes_and_others_from_their_element()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"nodes": [{"id": 1, "type": "Pick", "mode": 0, "widgets_values": ["beta", 1e400, true, "caf\u00e9", 0.25]}], "links": [], "version": 0.4}""");
        var values = WorkflowLoader.Parse(bytes, "w.json").UiView!.Root.Nodes[0].SavedWidgetValues;
        Assert.Equal([true, true, true, false, true], Enumerable.Range(0, values.Count).Select(values.IsPlain));
        Assert.Equal("\"beta\"", Encoding.UTF8.GetString(PromptInput.Value("mode", values, 0).SavedRaw));
        Assert.Equal(PromptInputKind.Element, PromptInput.Value("mode", values, 3).Kind);
        Assert.Equal("café", PromptInput.Value("mode", values, 3).AsString());
        Assert.Equal("beta", PromptInput.Value("mode", values, 0).AsString());
        Assert.Null(PromptInput.Value("count", values, 1).AsString());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private SchemaSet Schemas()
    {
        var a = Path.Combine(_dir, "a.json");
        var b = Path.Combine(_dir, "b.json");
        File.WriteAllText(a, PickA);
        File.WriteAllText(b, PickB);
        return SchemaSet.Load([a, b]);
    }
}
