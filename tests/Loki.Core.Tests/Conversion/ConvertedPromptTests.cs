using System.Buffers;
using System.Text.Json.Nodes;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Diagnostics;
using Loki.Core.IO;
using Loki.Core.Schemas;
using Loki.Core.Text;
using Loki.Core.Workflows;
using Loki.Tests;

namespace Loki.Core.Tests.Conversion;

/// <summary>
/// The converter keeps the prompt as typed entries and writes them straight to UTF-8 (<see cref="UiToApiResult.PromptUtf8"/>);
/// the <see cref="UiToApiResult.Prompt"/> tree is built only when asked for. Both must give what the tree-building
/// converter gave: the same bytes, the same tree, the same diagnostics.
/// </summary>
public sealed class ConvertedPromptTests
{
    private static readonly string Features = RepoPaths.InRepo("tests", "Loki.Core.Tests", "Workflows", "Features");
    private static readonly Lazy<SchemaSet> TestSchemas = new(() => SchemaSet.Load([Path.Combine(Features, "test-nodes.object_info.json")]));

    [Fact]
    public void Odd_values_are_written_as_the_tree_converter_wrote_them()
    {
        // typed_values.prompt.json is what the converter wrote when it built a JsonObject tree (main b79ec72): escapes,
        // non-ASCII, a plain prompt written from the document, 1e400, -0, 1.0, 0.1e2, a 23-digit integer, a wrapped list holding an object, null, a renamed sampler,
        // a primitive's rounded value, links through a bypassed node and a reroute, a link to a muted node dropped.
        var expected = File.ReadAllBytes(Path.Combine(Features, "typed_values.prompt.json"));
        var result = Convert(Path.Combine(Features, "typed_values.workflow.json"));

        Assert.True(result.Succeeded);
        Assert.Equal(expected, result.PromptUtf8());
        var tree = result.Prompt!;
        Assert.Same(tree, result.Prompt);
        Assert.Equal(expected, CanonicalJson.WriteUtf8(tree));
        Assert.Equal(expected, AtomicFile.Utf8.GetBytes(CanonicalJson.Write(tree)));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), tree));
        Assert.Equal(expected, result.PromptUtf8());
    }

    [Fact]
    public void A_caller_that_changes_the_tree_gets_its_change_written()
    {
        var result = Convert(Path.Combine(Features, "typed_values.workflow.json"));
        result.Prompt!.Remove("7");
        result.Prompt["3"]!["inputs"]!["steps"] = 31;

        var written = JsonNode.Parse(result.PromptUtf8()!)!.AsObject();
        Assert.False(written.ContainsKey("7"));
        Assert.Equal(31, written["3"]!["inputs"]!["steps"]!.GetValue<int>());
        using var stream = new MemoryStream();
        Assert.True(result.WritePrompt(stream));
        Assert.Equal(result.PromptUtf8(), stream.ToArray());
    }

    [Fact]
    public void Numbers_and_strings_written_as_read_are_the_bytes_the_tree_writes()
    {
        // The writer copies a number, or a string of printable ASCII without an escape, as the document holds it; every
        // other string goes through the element as before. Each printable ASCII character, DEL, non-ASCII the encoder
        // keeps or escapes, escapes that decode to ASCII, and numbers in every form the parser takes.
        // (JSON text between the quotes: raw characters, and escapes where written.)
        var texts = Enumerable.Range(0x20, 0x5F).Select(c => c is '"' or '\\' ? $"a\\{(char)c}b" : $"a{(char)c}b")
            .Concat(["\u007f", "\u0080", "\u00a0", "é", "\u2028", "😀", "<b>&amp;</b> 'q'", "\\u0041", "\\u00e9", "\\/", "\\n\\t\\\"", "", " "]);
        var numbers = new[] { "0", "-0", "1.0", "1e400", "1E+2", "-1.5e-7", "12345678901234567890123", "0.1e2" };
        var nodes = texts.Select((t, i) => $$"""{"id": {{i + 1}}, "type": "TestTags", "mode": 0, "widgets_values": ["tag", "{{t}}"]}""")
            .Concat(numbers.Select((n, i) => $$"""{"id": {{i + 1000}}, "type": "TestMix", "mode": 0, "widgets_values": [{{n}}]}"""));
        var ui = WorkflowLoader.Parse(System.Text.Encoding.UTF8.GetBytes($$"""{"nodes": [{{string.Join(",\n", nodes)}}], "links": []}"""), "values.json");
        var typed = UiToApiConverter.Convert(ui, TestSchemas.Value, UiToApiOptions.Default, "values.json");
        var tree = UiToApiConverter.Convert(ui, TestSchemas.Value, UiToApiOptions.Default, "values.json");

        Assert.True(typed.Succeeded);
        Assert.Equal(texts.Count() + numbers.Length, tree.Prompt!.Count);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(CanonicalJson.WriteUtf8(tree.Prompt)), System.Text.Encoding.UTF8.GetString(typed.PromptUtf8()!));
    }

    [Theory]
    [InlineData("control_widgets")]
    [InlineData("legacy_seed_boolean")]
    [InlineData("upload_widgets")]
    [InlineData("converted_widget_sockets")]
    [InlineData("primitive_node")]
    [InlineData("reroutes")]
    [InlineData("notes_and_muted")]
    [InlineData("bypass")]
    [InlineData("group_node")]
    [InlineData("subgraphs")]
    [InlineData("values_and_templates")]
    public void Each_feature_writes_the_bytes_of_its_tree(string feature)
    {
        var file = Path.Combine(Features, feature + ".workflow.json");
        var typed = Convert(file);
        var tree = Convert(file);

        Assert.Equal(CanonicalJson.WriteUtf8(tree.Prompt), typed.PromptUtf8());
        Assert.Equal(Codes(tree), Codes(typed));
    }

    [Fact]
    public void A_prompt_written_into_a_kept_buffer_is_appended_as_the_bytes_of_PromptUtf8()
    {
        // One buffer, file after file (as a converting thread keeps it): each prompt goes after what the buffer holds,
        // typed or from the tree (the tree built, then changed), and the thread's writer starts afresh each time.
        var buffer = new ArrayBufferWriter<byte>(16);
        buffer.Write("kept"u8);
        var expected = new List<byte>("kept"u8.ToArray());
        foreach (var feature in new[] { "typed_values", "control_widgets", "reroutes", "group_node", "subgraphs", "values_and_templates" })
        {
            var typed = Convert(Path.Combine(Features, feature + ".workflow.json"));
            Assert.True(typed.WritePrompt(buffer));
            expected.AddRange(typed.PromptUtf8()!);
            Assert.Equal(expected, buffer.WrittenSpan.ToArray());

            var tree = Convert(Path.Combine(Features, feature + ".workflow.json"));
            tree.Prompt!["added"] = new JsonObject { ["class_type"] = "X" };
            Assert.True(tree.WritePrompt(buffer));
            expected.AddRange(tree.PromptUtf8()!);
            Assert.Equal(expected, buffer.WrittenSpan.ToArray());
        }

        var none = new UiToApiResult((JsonObject?)null, []);
        Assert.False(none.WritePrompt(buffer));
        Assert.Equal(expected.Count, buffer.WrittenCount);
    }

    [Fact]
    public void An_empty_prompt_is_an_empty_object_with_its_warning()
    {
        var result = UiToApiConverter.Convert(Ui("""{"nodes": [{"id": 1, "type": "Note", "mode": 0, "widgets_values": ["just a note"]}], "links": []}"""), TestSchemas.Value, UiToApiOptions.Default, "empty.json");

        Assert.True(result.Succeeded);
        Assert.Equal("{}\n"u8.ToArray(), result.PromptUtf8());
        Assert.Empty(result.Prompt!);
        Assert.Equal([LokiCodes.ConvertEmptyPrompt], Codes(result));
    }

    [Fact]
    public void A_cycle_is_reported_at_the_node_that_closes_it_and_gives_no_prompt()
    {
        var result = UiToApiConverter.Convert(Ui("""
            {"nodes": [
              {"id": 1, "type": "TestMix", "mode": 0, "inputs": [{"name": "image", "type": "IMAGE", "link": null}, {"name": "mask", "type": "MASK", "link": 2}], "outputs": [{"name": "MASK", "type": "MASK", "links": [1]}], "widgets_values": [0.5]},
              {"id": 2, "type": "TestMix", "mode": 0, "inputs": [{"name": "image", "type": "IMAGE", "link": null}, {"name": "mask", "type": "MASK", "link": 1}], "outputs": [{"name": "MASK", "type": "MASK", "links": [2]}], "widgets_values": [0.25]}
             ],
             "links": [[1, 1, 0, 2, 1, "MASK"], [2, 2, 0, 1, 1, "MASK"]]}
            """), TestSchemas.Value, UiToApiOptions.Default, "cycle.json");

        Assert.False(result.Succeeded);
        Assert.Null(result.Prompt);
        Assert.Null(result.PromptUtf8());
        Assert.False(result.WritePrompt(new MemoryStream()));
        var cycle = Assert.Single(result.Diagnostics);
        Assert.Equal(LokiCodes.ConvertCycle, cycle.Code);
        Assert.Equal("$.nodes[0]", cycle.JsonPath);
        Assert.Contains("node 1 and node 2", cycle.Message, StringComparison.Ordinal);
    }

    [CorpusFact]
    public void Every_corpus_workflow_writes_the_bytes_of_its_tree()
    {
        var schemas = ConformanceCorpus.AllSchemas;
        var compared = 0;
        var mismatches = new List<string>();
        var kept = new ArrayBufferWriter<byte>();
        foreach (var file in new[] { "frontend-pairs", "pairs", "workflows" }
            .SelectMany(set => Directory.EnumerateFiles(Path.Combine(RepoPaths.Corpus!, set), "*.json", SearchOption.AllDirectories))
            .Where(f => !f.EndsWith(".prompt.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal))
        {
            WorkflowFile loaded;
            try
            {
                loaded = WorkflowLoader.Load(file);
            }
            catch (LokiException)
            {
                continue;
            }

            if (loaded.Ui is null)
            {
                continue;
            }

            // Two conversions of the same view: one only written from its entries, the other's tree built first.
            var typed = UiToApiConverter.Convert(loaded, schemas, UiToApiOptions.Default, file);
            var tree = UiToApiConverter.Convert(loaded, schemas, UiToApiOptions.Default, file);
            var bytes = typed.PromptUtf8();
            compared += bytes is null ? 0 : 1;
            kept.ResetWrittenCount();
            if (typed.WritePrompt(kept) != bytes is not null || (bytes is not null && !kept.WrittenSpan.SequenceEqual(bytes)))
            {
                mismatches.Add(file + ": the bytes written into a kept buffer differ");
            }

            if (tree.Prompt is null != bytes is null
                || (bytes is not null && (!bytes.AsSpan().SequenceEqual(CanonicalJson.WriteUtf8(tree.Prompt)) || !bytes.AsSpan().SequenceEqual(AtomicFile.Utf8.GetBytes(CanonicalJson.Write(tree.Prompt))))))
            {
                mismatches.Add(file + ": bytes differ");
            }
            else if (!typed.Diagnostics.Select(d => d.ToString()).SequenceEqual(tree.Diagnostics.Select(d => d.ToString())))
            {
                mismatches.Add(file + ": diagnostics differ");
            }
        }

        Assert.True(compared > 700, $"only {compared} prompts compared");
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    private static UiToApiResult Convert(string file) =>
        UiToApiConverter.Convert(WorkflowLoader.Load(file), TestSchemas.Value, UiToApiOptions.Default, Path.GetFileName(file));

    private static List<string> Codes(UiToApiResult result) => [.. result.Diagnostics.Select(d => d.Code)];

    private static JsonObject Ui(string json) => (JsonObject)JsonNode.Parse(json)!;
}
