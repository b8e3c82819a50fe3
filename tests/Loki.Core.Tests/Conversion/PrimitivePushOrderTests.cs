using System.Text.Json.Nodes;
using Loki.Core.Conversion.UiToApi;

namespace Loki.Core.Tests.Conversion;

/// <summary>
/// A primitive's value reaches every widget its slot 0 feeds (<see cref="PrimitiveValues"/>), whether the file lists
/// those links in id order (walked in place) or not (copied and sorted), and links out of its other slots or out of
/// other nodes take nothing from it.
/// </summary>
public sealed class PrimitivePushOrderTests
{
    [Theory]
    [InlineData("[[3, 7, 0, 1, 0, \"INT\"], [5, 7, 0, 2, 0, \"INT\"], [9, 7, 0, 3, 0, \"INT\"]]")]
    [InlineData("[[9, 7, 0, 3, 0, \"INT\"], [3, 7, 0, 1, 0, \"INT\"], [5, 7, 0, 2, 0, \"INT\"]]")]
    [InlineData("[[5, 7, 0, 2, 0, \"INT\"], [9, 7, 0, 3, 0, \"INT\"], [3, 7, 0, 1, 0, \"INT\"]]")]
    public void The_value_reaches_every_widget_its_links_feed_in_any_order(string links)
    {
        var prompt = Convert(links, ids: [3, 5, 9]);

        foreach (var id in new[] { "1", "2", "3" })
        {
            Assert.Equal(640, prompt[id]!["inputs"]!["width"]!.GetValue<double>());
            Assert.Equal(512, prompt[id]!["inputs"]!["height"]!.GetValue<double>());
        }
    }

    [Fact]
    public void A_node_fed_by_no_link_of_the_primitive_keeps_its_saved_value()
    {
        // Node 3's input is linked from node 1's output, not from the primitive.
        var prompt = Convert("[[3, 7, 0, 1, 0, \"INT\"], [5, 7, 0, 2, 0, \"INT\"], [9, 6, 0, 3, 0, \"INT\"]]", ids: [3, 5, 9]);

        Assert.Equal(640, prompt["1"]!["inputs"]!["width"]!.GetValue<double>());
        Assert.Equal(640, prompt["2"]!["inputs"]!["width"]!.GetValue<double>());
        Assert.Equal(256, prompt["3"]!["inputs"]!["width"]!.GetValue<double>());
    }

    private static JsonObject Convert(string links, int[] ids)
    {
        var json = $$$"""
            {"nodes": [
              {"id": 1, "type": "EmptyLatentImage", "mode": 0, "order": 1, "inputs": [{"name": "width", "type": "INT", "link": {{{ids[0]}}}, "widget": {"name": "width"}}], "widgets_values": [256, 512, 1]},
              {"id": 2, "type": "EmptyLatentImage", "mode": 0, "order": 2, "inputs": [{"name": "width", "type": "INT", "link": {{{ids[1]}}}, "widget": {"name": "width"}}], "widgets_values": [256, 512, 1]},
              {"id": 3, "type": "EmptyLatentImage", "mode": 0, "order": 3, "inputs": [{"name": "width", "type": "INT", "link": {{{ids[2]}}}, "widget": {"name": "width"}}], "widgets_values": [256, 512, 1]},
              {"id": 6, "type": "Note", "mode": 0, "order": 4, "outputs": [{"name": "INT", "type": "INT", "links": []}], "widgets_values": ["n"]},
              {"id": 7, "type": "PrimitiveNode", "mode": 0, "order": 0, "outputs": [{"name": "INT", "type": "INT", "links": [3, 5, 9], "widget": {"name": "width"}}], "widgets_values": [640, "fixed"]}
            ], "links": {{{links}}}, "version": 0.4}
            """;
        var result = UiToApiConverter.Convert((JsonObject)JsonNode.Parse(json)!, "primitive.json");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Prompt!;
    }
}
