using System.Text;
using Loki.Core.Diagnostics;
using Loki.Core.Schemas;
using Loki.Core.Workflows;
using Loki.Tests;

namespace Loki.Core.Tests.Schemas;

/// <summary>
/// A definition read straight from its UTF-8 (<see cref="NodeSchemaReader"/>, issue 10) is the one the node path gives
/// (<see cref="JsonSource.Parse"/> then <see cref="NodeSchemaParser"/>): the same inputs in the same order with the same
/// options and choices, outputs, flags, the same reason when it is no definition, and the same whole tree and text,
/// whether the tree is made or the text is written from the element. Text the reader leaves to the node path (a key
/// written twice, bad JSON, bytes that are not UTF-8) is named in the odd cases.
/// </summary>
public sealed class NodeSchemaReaderTests
{
    public static TheoryData<string, string, bool> OddDefinitions() => new()
    {
        { "plain", """{"input": {"required": {"x": ["INT", {"default": 1.50}]}}, "output": ["IMAGE"]}""", true },
        { "a key written twice", """{"input": 3, "input": {"required": {"y": ["FLOAT"]}}, "output": []}""", false },
        { "an input written twice", """{"input": {"required": {"a": ["INT"], "b": ["FLOAT"], "a": ["STRING"]}}}""", false },
        { "an option written twice", """{"input": {"required": {"a": ["INT", {"min": 1, "min": 2}]}}}""", false },
        { "escaped keys", """{"inp\u0075t": {"required": {"\u00e9": ["INT"], "b\"q": ["FLOAT"]}}, "\u006futput": ["X"]}""", true },
        { "escaped keys that are one key", """{"input": {"required": {"a": ["INT"], "\u0061": ["FLOAT"]}}}""", false },
        { "numbers and strings as written", """{"input": {"required": {"x": ["FLOAT", {"default": 1e-7, "max": 10.000, "min": -0, "step": 1E+2, "big": 123456789012345678901234567890, "tooltip": "a \"q\" \u2603 \ud83d\ude00 <&>' é /"}]}}, "output": []}""", true },
        { "input null with an output", """{"input": null, "output": ["X"], "output_name": ["x"], "output_is_list": [true]}""", true },
        { "input null, no output", """{"input": null}""", true },
        { "output null, no input", """{"output": null}""", true },
        { "input an array", """{"input": [], "output": []}""", true },
        { "input a string", """{"input": "x"}""", true },
        { "empty object", "{}", true },
        { "sections of other kinds", """{"input": {"required": [], "optional": null, "hidden": {"h": ["PROMPT"]}}}""", true },
        { "specs of every shape", """{"input": {"required": {"e": [], "n": null, "s": "INT", "o": {"a": 1}, "h": [null, {"x": 1}], "c": [["a", "b", 1, null], {"default": "a"}], "k": ["COMBO", {"options": ["x", "y"]}], "kn": ["COMBO", {"options": "x"}], "t": [5, 6], "q": ["INT", 5], "w": ["INT", {"widgetType": "COMBO", "forceInput": true, "control_after_generate": "fixed"}]}}}""", true },
        { "input_order of every shape", """{"input": {"required": {"a": ["INT"], "b": ["INT"], "c": ["INT"]}, "optional": {"d": ["INT"]}}, "input_order": {"required": ["c", 5, null, "zz", "c", "a"], "optional": "d", "hidden": ["a"]}}""", true },
        { "input_order not an object", """{"input": {"required": {"a": ["INT"], "b": ["INT"]}}, "input_order": ["b"]}""", true },
        { "outputs of every shape", """{"output": ["A", 5, null, ["x"], "B"], "output_name": ["a", null, 3], "output_is_list": [true, "true", 1, false], "output_node": true, "display_name": "Shown"}""", true },
        { "outputs not arrays", """{"output": "A", "output_name": {"0": "a"}, "output_is_list": true, "output_node": "true", "display_name": 5}""", true },
        { "flags of other kinds", """{"input": {}, "output_node": 1, "display_name": null}""", true },
        { "white space and line breaks", "{\r\n  \"input\" :\t{ \"required\" : { \"x\" : [ \"INT\" ] } } ,\n \"output\" : [ ]\r\n}", true },
        { "not an object", "[1, 2]", false },
        { "JSON null", "null", false },
        { "truncated", """{"input": {"required": {"x": ["INT", {"def""", false },
        { "a trailing comma", """{"input": {},}""", false },
        { "deep", "{\"input\": {\"required\": {\"x\": [\"INT\", " + new string('[', 600) + new string(']', 600) + "]}}}", false },
    };

    [Theory]
    [MemberData(nameof(OddDefinitions))]
    public void An_odd_definition_reads_as_the_node_path_reads_it(string why, string json, bool read)
    {
        Assert.False(string.IsNullOrEmpty(why));
        var utf8 = Encoding.UTF8.GetBytes(json);
        Assert.Equal(read, NodeSchemaReader.TryRead("A", utf8, out _, out _));
        if (read)
        {
            Assert.Equal(NodePath("A", json), Fast("A", utf8));
        }
    }

    [Fact]
    public void Bytes_that_are_not_UTF8_go_the_node_path()
    {
        byte[] bad = [.. """{"input": {"required": {"x": ["INT", {"tooltip": "a"""u8, 0xFF, .. "\"}]}}}"u8];
        Assert.False(NodeSchemaReader.TryRead("A", bad, out _, out _));
        Assert.False(NodeSchemaReader.TryRead("A", (byte[])[0xEF, 0xBB, 0xBF, .. "{}"u8], out _, out _));
    }

    [CorpusFact]
    public void Every_corpus_definition_reads_from_UTF8_as_the_node_path_reads_it()
    {
        var dumps = Directory.EnumerateFiles(Path.Combine(RepoPaths.Corpus!, "schemas"), "*.json", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("system_stats.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var (definitions, fast) = (0, 0);
        foreach (var dump in dumps)
        {
            if (DumpIndex.TryBuild(File.ReadAllBytes(dump)) is not { } index)
            {
                continue;
            }

            foreach (var entry in index.Entries)
            {
                var text = index.Utf8.Slice(entry.Start, entry.Length);
                definitions++;
                if (NodeSchemaReader.TryRead(entry.ClassType, text, out _, out _))
                {
                    fast++;
                    var expected = NodePath(entry.ClassType, Encoding.UTF8.GetString(text.Span));
                    Assert.True(expected == Fast(entry.ClassType, text), $"{dump}: {entry.ClassType}");
                }
            }
        }

        Assert.True(dumps.Count >= 10 && definitions > 5_000, $"{dumps.Count} dumps, {definitions} definitions");
        Assert.True(fast > definitions * 0.99, $"only {fast} of {definitions} read from UTF-8");
    }

    // The node path's schema, described; its text is the tree written out.
    private static string NodePath(string classType, string json)
    {
        var schema = NodeSchemaParser.TryParse(classType, JsonSource.Parse(json, "a.json", LokiCodes.SchemaInvalid), out var problem);
        return Describe(schema, problem, schema?.Raw.ToJsonString());
    }

    // The reader's schema, described with its text written from the element before the tree is made, and checked
    // against the tree made after.
    private static string Fast(string classType, ReadOnlyMemory<byte> utf8)
    {
        Assert.True(NodeSchemaReader.TryRead(classType, utf8, out var schema, out var problem));
        var text = schema?.RawText;
        Assert.Equal(text, schema?.Raw.ToJsonString());
        Assert.Same(schema?.Raw, schema?.Raw);
        return Describe(schema, problem, text);
    }

    private static string Describe(NodeSchema? schema, string? problem, string? text)
    {
        if (schema is null)
        {
            return "none: " + problem;
        }

        var d = new StringBuilder($"{schema.ClassType} '{schema.DisplayName}' output={schema.IsOutputNode} {text}\n");
        foreach (var i in schema.Inputs)
        {
            d.Append($"  in {i.Name} {i.Type} {i.Section} {i.Options?.ToJsonString()} {i.Choices?.ToJsonString()} v3={ReferenceEquals(i.Choices, i.Options?["options"])}");
            d.Append($" widget={i.WidgetType} {i.HasWidget} controls={i.ControlWidgetCount} default={i.Default?.ToJsonString()} remote={i.Remote?.ToJsonString()}\n");
        }

        foreach (var o in schema.Outputs)
        {
            d.Append($"  out {o.Name} {o.Type} {o.IsList}\n");
        }

        return d.ToString();
    }
}
