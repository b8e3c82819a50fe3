using System.Text;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Schemas;
using Loki.Core.Workflows;

namespace Loki.Core.Tests.Conversion;

/// <summary>
/// Saved widget values are assigned by input name (WidgetMapper keys a name by the index of its first input, not by
/// hashing it): a definition that gives two inputs one name (a required and an optional "x") sends the value saved last
/// for that name, once, and a widget without a saved value keeps its default.
/// </summary>
public sealed class DuplicateInputNameTests : IDisposable
{
    private const string Dump = """
        {"Twice": {"input": {"required": {"x": ["INT", {"default": 5}], "y": ["FLOAT", {"default": 0.5}]},
                             "optional": {"x": ["INT", {"default": 7}], "z": ["STRING", {"default": "zz"}]}},
                   "output": ["INT"], "output_name": ["INT"], "name": "Twice", "display_name": "Twice", "category": "t",
                   "output_node": true}}
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("loki-dup-inputs-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("[1, 2.5, 3, \"s\"]", """{"x":3,"y":2.5,"z":"s"}""")]
    [InlineData("[1, 2.5, 3]", """{"x":3,"y":2.5,"z":"zz"}""")]
    [InlineData("[1, 2.5]", """{"x":1,"y":2.5,"z":"zz"}""")]
    [InlineData("[1]", """{"x":1,"y":0.5,"z":"zz"}""")]
    [InlineData("{\"x\": 4, \"z\": \"n\"}", """{"x":4,"y":0.5,"z":"n"}""")]
    public void Two_inputs_of_one_name_take_the_value_saved_last_for_it(string saved, string expected)
    {
        var dump = Path.Combine(_dir, "dump.json");
        File.WriteAllText(dump, Dump);
        var schemas = SchemaSet.Load([dump], includeCatalogue: false);
        var json = $$"""{"nodes": [{"id": 1, "type": "Twice", "mode": 0, "widgets_values": {{saved}}}], "links": [], "version": 0.4}""";
        var result = UiToApiConverter.Convert(WorkflowLoader.Parse(Encoding.UTF8.GetBytes(json), "d.json"), schemas, UiToApiOptions.Default, "d.json");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        // Written straight from the entries (before the tree is asked for): the name once, not once per input.
        var written = Encoding.UTF8.GetString(result.PromptUtf8()!);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(written, "\"x\": "));
        Assert.Equal(expected, result.Prompt!["1"]!["inputs"]!.ToJsonString());
    }
}
