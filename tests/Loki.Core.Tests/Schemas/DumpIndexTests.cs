using System.Text;
using Loki.Core.Diagnostics;
using Loki.Core.Schemas;

namespace Loki.Core.Tests.Schemas;

/// <summary>
/// Dumps written the odd ways a hand or another tool writes them: the lazy load (an index of the bytes, definitions
/// parsed on demand) must give exactly what the eager load gives, errors and warnings included.
/// </summary>
public sealed class DumpIndexTests : IDisposable
{
    private const string Good = """{"input": {"required": {"x": ["INT", {"default": 1.50}]}}, "output": ["IMAGE"]}""";
    private readonly string _dir = Directory.CreateTempSubdirectory("loki-dumpindex-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string, string> OddDumps() => new()
    {
        { "a class written twice keeps its first place and its last text", "{\"A\": " + Good + ", \"B\": " + Good + ", \"A\": {\"input\": {\"required\": {}}, \"output\": []}}" },
        { "a class written twice, the last one not a definition", "{\"A\": " + Good + ", \"A\": 5}" },
        { "a key written twice inside a definition", """{"A": {"input": 3, "input": {"required": {"y": ["FLOAT"]}}, "output": [], "output": null}}""" },
        { "not objects", """{"A": 5, "B": null, "C": [1], "D": "x", "E": true, "F": {}}""" },
        { "input not an object", """{"A": {"input": [], "output": []}, "B": {"input": null, "output": ["X"]}, "C": {"input": null}, "D": {"output": null}}""" },
        { "escaped keys", """{"A\u0042": {"inp\u0075t": {"required": {"\u00e9": ["INT"]}}, "output": []}, "C": {"\u006futput": ["X"]}}""" },
        { "numbers and strings as written", """{"A": {"input": {"required": {"x": ["FLOAT", {"default": 1e-7, "max": 10.000, "tooltip": "a \"q\" \u2603 \ud83d\ude00"}]}}, "output": []}}""" },
        { "empty", "{}" },
        { "white space around", "  \n {\"A\": " + Good + "}\n\n " },
        { "bad JSON", "{\"A\": " + Good + ", \"B\": {" },
        { "trailing comma", "{\"A\": " + Good + ",}" },
        { "text after the root", "{\"A\": " + Good + "} x" },
        { "two roots", "{\"A\": " + Good + "} {}" },
        { "a comment", "{/* c */ \"A\": " + Good + "}" },
        { "root array", "[1, 2]" },
        { "root null", "null" },
        { "root string", "\"x\"" },
        { "deep", "{\"A\": {\"input\": {\"required\": {\"x\": [\"INT\", " + new string('[', 600) + new string(']', 600) + "]}}, \"output\": []}}" },
    };

    [Theory]
    [MemberData(nameof(OddDumps))]
    public void An_odd_dump_loads_lazily_as_it_loads_eagerly(string why, string json)
    {
        var file = Path.Combine(_dir, "odd.json");
        File.WriteAllText(file, json, new UTF8Encoding(false));
        Assert.False(string.IsNullOrEmpty(why));
        AssertSame(file);
        File.WriteAllText(file, json, new UTF8Encoding(true));
        AssertSame(file);

        // Text held in memory (the LOKI library's definitions), also behind a U+FEFF the text parser rejects.
        foreach (var text in new[] { json, "\uFEFF" + json })
        {
            Assert.Equal(
                LazySchemaSetTests.Outcome(() => SchemaSet.Parse(text, "odd.json", "0.3.1", lazy: false)),
                LazySchemaSetTests.Outcome(() => SchemaSet.Parse(text, "odd.json", "0.3.1", lazy: true)));
        }
    }

    [Fact]
    public void Text_with_a_lone_surrogate_parses_as_before()
    {
        var json = "{\"A\": {\"display_name\": \"x\uD800y\", \"input\": {}, \"output\": []}}";
        var eager = LazySchemaSetTests.Outcome(() => SchemaSet.Parse(json, "s.json", null, lazy: false));
        Assert.Equal(eager, LazySchemaSetTests.Outcome(() => SchemaSet.Parse(json, "s.json", null, lazy: true)));
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32")]
    public void A_dump_in_another_encoding_loads_as_before(string encoding)
    {
        var file = Path.Combine(_dir, "wide.json");
        File.WriteAllText(file, "{\"A\": " + Good + "}", Encoding.GetEncoding(encoding));
        AssertSame(file);
        Assert.NotNull(SchemaSet.Load([file], includeCatalogue: false).Find("A"));
    }

    [Fact]
    public void Bytes_that_are_not_UTF8_load_as_before()
    {
        var file = Path.Combine(_dir, "latin.json");
        File.WriteAllBytes(file, [.. Encoding.UTF8.GetBytes("{\"A\": {\"display_name\": \"caf"), 0xE9, .. Encoding.UTF8.GetBytes("\", \"input\": {}, \"output\": []}}")]);
        AssertSame(file);
        Assert.Equal("caf\uFFFD", SchemaSet.Load([file], includeCatalogue: false).Find("A")!.DisplayName);
    }

    [Fact]
    public void The_warnings_name_each_skipped_class_in_the_dump_order()
    {
        var file = Path.Combine(_dir, "warn.json");
        File.WriteAllText(file, """{"Z": 1, "A": {"input": {}, "output": []}, "M": {"input": []}}""");
        var set = SchemaSet.Load([file], includeCatalogue: false);
        Assert.Equal([LokiCodes.SchemaBadNode, LokiCodes.SchemaBadNode], set.Diagnostics.Select(d => d.Code));
        Assert.Equal(["$.Z", "$.M"], set.Diagnostics.Select(d => d.JsonPath));
        Assert.Equal(["A"], set.ClassTypes);
    }

    [Fact]
    public void A_missing_file_and_a_bad_file_fail_as_before()
    {
        var missing = Path.Combine(_dir, "none.json");
        Assert.Equal(LazySchemaSetTests.Outcome(() => SchemaSet.Load([missing], true, lazy: false)), LazySchemaSetTests.Outcome(() => SchemaSet.Load([missing])));
        var bad = Path.Combine(_dir, "bad.json");
        File.WriteAllText(bad, "{\"A\": {\n  \"input\": [,]}}");
        var outcome = LazySchemaSetTests.Outcome(() => SchemaSet.Load([bad]));
        Assert.Contains(": error " + LokiCodes.SchemaInvalid, outcome, StringComparison.Ordinal);
        Assert.Equal(LazySchemaSetTests.Outcome(() => SchemaSet.Load([bad], true, lazy: false)), outcome);
    }

    private static void AssertSame(string file) =>
        Assert.Equal(LazySchemaSetTests.Outcome(() => SchemaSet.Load([file], false, lazy: false)), LazySchemaSetTests.Outcome(() => SchemaSet.Load([file], false, lazy: true)));
}
