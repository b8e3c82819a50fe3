using Loki.Core.Config;
using Loki.Core.Diagnostics;

namespace Loki.Core.Tests.Config;

public sealed class NodeConfigReaderTests
{
    [Fact]
    public void Parse_LooseShapes_NormalisesTypesAndKeepsExtras()
    {
        var bag = new DiagnosticBag();
        var config = NodeConfigReader.Parse("""
            {"node_name": "x", "inputs": {"text": {"type": "string", "description": "d", "required": false}},
             "outputs": [{"name": "out", "type": "image"}], "constants": {"k": 1}}
            """, "x.json", bag, "x");

        Assert.NotNull(config);
        Assert.False(bag.HasErrors);
        Assert.Equal("STRING", config!.Inputs[0].Type);
        Assert.False(config.Inputs[0].Required);
        Assert.Equal("IMAGE", config.Outputs[0].Type);
        Assert.True(config.Extra.ContainsKey("constants"));
    }

    [Fact]
    public void Parse_DefaultOutOfRange_ReportsCodeAndPath()
    {
        var bag = new DiagnosticBag();
        NodeConfigReader.Parse("""{"inputs": {"r": {"type": "INT", "default": 9, "min": 0, "max": 4}}}""", "x.json", bag, "x");

        var d = Assert.Single(bag.Items);
        Assert.Equal(LokiCodes.ConfigBadDefault, d.Code);
        Assert.Equal("$.inputs.r.default", d.JsonPath);
    }

    [Fact]
    public void WriteThenRead_RoundTripsEveryField()
    {
        var bag = new DiagnosticBag();
        const string text = """
            {"node_name": "n", "version": "1.2.3", "description": "Says \"hi\"\n", "category": "text", "device": "cuda",
             "inputs": {"mode": {"type": "COMBO", "options": ["a", "b"], "default": "b"}, "f": {"type": "FLOAT", "min": 0, "max": 1, "step": 0.1, "default": 0.5}},
             "outputs": {"text": {"type": "STRING"}}, "examples": [{"name": "e", "inputs": {"mode": "a"}}], "constants": {"c": [1, 2]}}
            """;
        var first = NodeConfigReader.Parse(text, "n.json", bag, "n")!;
        var written = NodeConfigWriter.Write(first);
        var second = NodeConfigReader.Parse(written, "n.json", bag, "n")!;

        Assert.False(bag.HasErrors);
        Assert.Equal(written, NodeConfigWriter.Write(second));
        Assert.Equal("cuda", second.Device);
        Assert.Equal(new[] { "a", "b" }, second.Inputs[0].OptionsOrEmpty.ToArray());
    }
}
