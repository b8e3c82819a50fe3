using System.Text;
using System.Text.Json.Nodes;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Diagnostics;
using Loki.Core.Schemas;
using Loki.Core.Workflows;

namespace Loki.Core.Tests.Conversion;

/// <summary>
/// Links walked through chains of reroutes and bypassed nodes (the 976-node corpus workflow has 623 reroutes): a walk
/// keeps its visited sides in a short list, then a set (<see cref="VisitedSlots"/>), and the inputs of the nodes it passes
/// are looked up once per conversion. Chains around those sizes resolve to the real output, however many inputs share
/// them, and a loop of any length is reported once, at the node where the walk comes back.
/// </summary>
public sealed class RerouteChainTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(80)]
    public void A_chain_of_reroutes_and_a_bypassed_node_feeds_every_sink_from_the_real_output(int length)
    {
        var json = Chain(length, loop: false, sinks: 3);
        var result = UiToApiConverter.Convert(WorkflowLoader.Parse(json, "chain.json"), SchemaSet.Catalogue, UiToApiOptions.Default, "chain.json");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var prompt = result.Prompt!;
        Assert.Equal(["1", "1000", "1001", "1002"], prompt.Select(p => p.Key));
        foreach (var sink in new[] { "1000", "1001", "1002" })
        {
            Assert.Equal("""["1",0]""", prompt[sink]!["inputs"]!["images"]!.ToJsonString());
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(80)]
    public void A_loop_of_reroutes_is_reported_once_where_the_walk_comes_back(int length)
    {
        var json = Chain(length, loop: true, sinks: 1);
        var result = UiToApiConverter.Convert(WorkflowLoader.Parse(json, "loop.json"), SchemaSet.Catalogue, UiToApiOptions.Default, "loop.json");
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(LokiCodes.ConvertCycle, error.Code);
        var last = 1 + length;
        Assert.Contains($"node {last} (slot 0)", error.Message, StringComparison.Ordinal);
        Assert.Equal($"$.nodes[{length}]", error.JsonPath);
    }

    // Node 1 makes an image; reroutes 2..length+1 pass it on (node 3, when there is one, is a bypassed ImageInvert);
    // sinks 1000.. preview the last one. A loop feeds the first reroute from the last instead of from node 1.
    private static string Chain(int length, bool loop, int sinks)
    {
        var nodes = new List<string> { """{"id": 1, "type": "EmptyImage", "mode": 0, "outputs": [{"name": "IMAGE", "type": "IMAGE"}], "widgets_values": [64, 64, 1, 0]}""" };
        var links = new StringBuilder();
        var last = 1 + length;
        for (var id = 2; id <= last; id++)
        {
            var from = id == 2 ? (loop ? last : 1) : id - 1;
            var type = id == 3 && !loop ? "ImageInvert\", \"mode\": 4" : "Reroute\", \"mode\": 0";
            var name = id == 3 && !loop ? "image" : string.Empty;
            nodes.Add($$"""{"id": {{id}}, "type": "{{type}}, "inputs": [{"name": "{{name}}", "type": "IMAGE", "link": {{id}}}], "outputs": [{"name": "", "type": "IMAGE"}]}""");
            links.Append($"[{id}, {from}, 0, {id}, 0, \"IMAGE\"], ");
        }

        for (var s = 0; s < sinks; s++)
        {
            nodes.Add($$"""{"id": {{1000 + s}}, "type": "PreviewImage", "mode": 0, "inputs": [{"name": "images", "type": "IMAGE", "link": {{5000 + s}}}]}""");
            links.Append($"[{5000 + s}, {last}, 0, {1000 + s}, 0, \"IMAGE\"], ");
        }

        return $$"""{"nodes": [{{string.Join(", ", nodes)}}], "links": [{{links.ToString().TrimEnd(' ', ',')}}], "version": 0.4}""";
    }
}
