using System.Text;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Schemas;
using Loki.Core.Workflows;

namespace Loki.Core.Tests.Conversion;

/// <summary>
/// Between two definitions of a class that a node's saved widgets both fit, the one whose option list holds its saved
/// combo value wins, whichever is given first: the look-up of a saved string among the options (<see cref="ComboChoices"/>)
/// reads the text between the quotes, for plain ASCII, escaped and non-ASCII values alike.
/// </summary>
public sealed class SchemaChoiceComboTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("loki-combo-").FullName;

    private const string First = """{"Pick": {"input": {"required": {"mode": [["alpha", "beta"]], "only_first": ["INT", {"default": 1}]}}, "output": [], "name": "Pick"}}""";
    private const string Second = """{"Pick": {"input": {"required": {"mode": [["gamma", "d\u00e9lta", "tab\tbed"]], "only_second": ["INT", {"default": 2}]}}, "output": [], "name": "Pick"}}""";

    [Theory]
    [InlineData("\"alpha\"", "only_first")]
    [InlineData("\"gamma\"", "only_second")]
    [InlineData("\"d\u00e9lta\"", "only_second")]
    [InlineData("\"d\\u00e9lta\"", "only_second")]
    [InlineData("\"tab\\tbed\"", "only_second")]
    [InlineData("\"g\\u0061mma\"", "only_second")]
    public void The_definition_whose_options_hold_the_saved_value_is_chosen(string saved, string expectedWidget)
    {
        var first = Write("first.json", First);
        var second = Write("second.json", Second);
        foreach (var schemas in new[] { SchemaSet.Load([first, second], includeCatalogue: false), SchemaSet.Load([second, first], includeCatalogue: false) })
        {
            Assert.Equal(2, schemas.Candidates("Pick").Count);
            var json = $$"""{"nodes": [{"id": 1, "type": "Pick", "mode": 0, "order": 0, "widgets_values": [{{saved}}]}], "links": [], "version": 0.4}""";
            var result = UiToApiConverter.Convert(WorkflowLoader.Parse(Encoding.UTF8.GetBytes(json), "c.json"), schemas, UiToApiOptions.Default, "c.json");
            var inputs = result.Prompt!["1"]!["inputs"]!.AsObject();
            Assert.True(inputs.ContainsKey(expectedWidget), $"{saved}: {inputs.ToJsonString()}");
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var file = Path.Combine(_dir, name);
        File.WriteAllText(file, text);
        return file;
    }
}
