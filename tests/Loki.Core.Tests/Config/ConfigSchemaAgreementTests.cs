using System.Text.Json;
using Json.Schema;
using Loki.Core.Config;
using Loki.Core.Diagnostics;
using Loki.Tests;

namespace Loki.Core.Tests.Config;

/// <summary>
/// docs/schemas/loki-node-config.schema.json and <see cref="NodeConfigReader"/> accept exactly the same configs.
/// The reader also checks what a schema cannot (a default inside min/max, one of the options; duplicate ports):
/// those samples are schema-valid and rejected by the reader with their own codes.
/// </summary>
public sealed class ConfigSchemaAgreementTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(RepoPaths.InRepo("docs", "schemas", "loki-node-config.schema.json"))));

    public static TheoryData<string, bool> Samples() => new()
    {
        // Shapes seen in hand-kept libraries.
        { """{"node_name": "list_things", "version": "0.1.0", "inputs": {"trigger": {"type": "*", "description": "t", "required": false}}, "outputs": {"NODE_LIST": {"type": "LIST", "subtype": "STRING"}}, "constants": {}}""", true },
        { """{"node_name_internal": "VeilNode", "node_display_name": "🌘 Veil (LOKI)", "category": "LOKI 🦊/UI", "output_node": true, "version": "0.1.0", "description": "d"}""", true },
        { """{"node_name": "scribe", "version": "0.1.0", "category": "LOKI 🦊/Documentation", "output_node": true, "defaults": {"include_docs": true}}""", true },

        // Ours (contracts §1).
        { """{"node_name": "levels", "device": "cuda", "inputs": {"image": {"type": "IMAGE"}, "mode": {"type": "COMBO", "options": ["a", "b"], "default": "a"}, "g": {"type": "FLOAT", "default": 1, "min": 0, "max": 2, "step": 0.1}}, "outputs": {"image": {"type": "IMAGE"}}, "comfy": {"class": "ImageBlur", "pack": "comfyui"}, "examples": [{"name": "basic", "inputs": {"image": "in.png"}, "expect": {"image": {"shape": [1]}}}]}""", true },
        { """{"inputs": [{"name": "text", "type": "str"}, {"name": "n", "type": "int"}], "outputs": {"out": "STRING"}}""", true },
        { """{"inputs": {"mode": {"options": ["x", "y"]}}, "loki": {"generated": true, "source": "a.py", "source_sha256": "00"}}""", true },
        { """{"device": "CPU", "custom_field": [1, 2, 3]}""", true },

        // Wrong shapes: both reject.
        { """[]""", false },
        { """{"device": "gpu"}""", false },
        { """{"device": 1}""", false },
        { """{"node_name": 3}""", false },
        { """{"output_node": "yes"}""", false },
        { """{"inputs": 5}""", false },
        { """{"inputs": {"image": 5}}""", false },
        { """{"inputs": {"image": {"description": "no type"}}}""", false },
        { """{"inputs": [{"type": "IMAGE"}]}""", false },
        { """{"inputs": ["image"]}""", false },
        { """{"inputs": {"r": {"type": "INT", "min": "0"}}}""", false },
        { """{"inputs": {"r": {"type": "INT", "required": "no"}}}""", false },
        { """{"inputs": {"c": {"type": "COMBO", "options": "a,b"}}}""", false },
        { """{"examples": {"basic": {}}}""", false },
        { """{"examples": [{"name": "no inputs"}]}""", false },
        { """{"comfy": "ImageBlur"}""", false },
        { """{"comfy": {"class": 1}}""", false },
        { """{"loki": true}""", false },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void SchemaAndReader_AgreeOnSample(string json, bool valid)
    {
        Assert.Equal(valid, SchemaAccepts(json));
        Assert.Equal(valid, ReaderAccepts(json, out _));
    }

    [Theory]
    [InlineData("""{"inputs": {"r": {"type": "INT", "default": 9, "max": 4}}}""", LokiCodes.ConfigBadDefault)]
    [InlineData("""{"inputs": {"c": {"type": "COMBO", "options": ["a"], "default": "z"}}}""", LokiCodes.ConfigBadDefault)]
    [InlineData("""{"inputs": [{"name": "a", "type": "INT"}, {"name": "a", "type": "INT"}]}""", LokiCodes.ConfigDuplicatePort)]
    public void ReaderOnlyChecks_SchemaValidReaderRejectsWithCode(string json, string code)
    {
        Assert.True(SchemaAccepts(json));
        Assert.False(ReaderAccepts(json, out var bag));
        Assert.Contains(bag.Items, d => d.Code == code);
    }

    [Fact]
    public void EveryConfigInTheLibrary_IsAcceptedByBoth()
    {
        var configs = Directory.Exists(RepoPaths.InRepo("nodes"))
            ? Directory.GetDirectories(RepoPaths.InRepo("nodes")).Select(d => Path.Combine(d, Path.GetFileName(d) + ".json")).Where(File.Exists).ToList()
            : [];
        foreach (var file in configs)
        {
            var text = File.ReadAllText(file);
            Assert.True(SchemaAccepts(text), file);
            Assert.True(ReaderAccepts(text, out var bag), $"{file}: {string.Join("; ", bag.Items)}");
        }
    }

    private static bool SchemaAccepts(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return Schema.Value.Evaluate(doc.RootElement).IsValid;
    }

    private static bool ReaderAccepts(string json, out DiagnosticBag bag)
    {
        bag = new DiagnosticBag();
        return NodeConfigReader.Parse(json, "x.json", bag, "x") is not null && !bag.HasErrors;
    }
}
