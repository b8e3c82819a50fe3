using System.Text;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Schemas;
using Loki.Core.Workflows;

namespace Loki.Core.Tests.Conversion;

/// <summary>
/// The prompt lists nodes in the frontend's execution order: by saved <c>order</c>, then by place in the file, nodes
/// without one last. Distinct orders below twice the node count (plus 16) are placed directly (GraphFlattener), gaps
/// included (nodes deleted, or left out of a copy); any other set (repeats, negatives, missing, larger) is sorted: both
/// must give the same order.
/// </summary>
public sealed class ExecutionOrderTests
{
    [Theory]
    [InlineData("2,0,1", "11,12,10")]
    [InlineData("0,1,2", "10,11,12")]
    [InlineData("1,1,0", "12,10,11")]
    [InlineData("3,0,1", "11,12,10")]
    [InlineData("-1,0,1", "10,11,12")]
    [InlineData("_,1,0", "12,11,10")]
    [InlineData("_,_,_", "10,11,12")]
    [InlineData("2,2,2", "10,11,12")]
    [InlineData("0,5,1", "10,12,11")]
    [InlineData("1.5,0,1", "11,12,10")]
    [InlineData("0,21,1", "10,12,11")]
    [InlineData("0,22,1", "10,12,11")]
    [InlineData("21,0,20", "11,12,10")]
    [InlineData("22,0,21", "11,12,10")]
    public void Nodes_come_in_saved_order_then_file_order(string orders, string expected)
    {
        var nodes = orders.Split(',').Select((order, i) =>
            $$"""{"id": {{10 + i}}, "type": "EmptyImage", "mode": 0{{(order == "_" ? string.Empty : $", \"order\": {order}")}}, "widgets_values": [8, 8, 1, 0]}""");
        var json = $$"""{"nodes": [{{string.Join(", ", nodes)}}], "links": [], "version": 0.4}""";
        var loaded = WorkflowLoader.Parse(Encoding.UTF8.GetBytes(json), "o.json");
        var result = UiToApiConverter.Convert(loaded, SchemaSet.Catalogue, UiToApiOptions.Default, "o.json");
        Assert.Equal(expected.Split(','), result.Prompt!.Select(p => p.Key));
    }

    [Fact]
    public void A_large_permuted_graph_keeps_its_saved_order()
    {
        var random = new Random(7);
        var orders = Enumerable.Range(0, 300).OrderBy(_ => random.Next()).ToArray();
        var nodes = orders.Select((order, i) => $$"""{"id": {{i + 1}}, "type": "EmptyImage", "mode": 0, "order": {{order}}, "widgets_values": [8, 8, 1, 0]}""");
        var json = $$"""{"nodes": [{{string.Join(", ", nodes)}}], "links": [], "version": 0.4}""";
        var result = UiToApiConverter.Convert(WorkflowLoader.Parse(Encoding.UTF8.GetBytes(json), "p.json"), SchemaSet.Catalogue, UiToApiOptions.Default, "p.json");
        var expected = orders.Select((order, i) => (order, id: i + 1)).OrderBy(p => p.order).Select(p => p.id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, result.Prompt!.Select(p => p.Key));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_large_graph_with_gaps_in_its_orders_keeps_its_saved_order(int seed)
    {
        // Distinct orders from a range half again as large as the node count (nodes deleted), and for seed 3 one order
        // past the placing range: placed and sorted alike give the order of a sort.
        var random = new Random(seed);
        var orders = Enumerable.Range(0, 450).OrderBy(_ => random.Next()).Take(300).ToArray();
        if (seed == 3)
        {
            orders[17] = 10_000;
        }

        var nodes = orders.Select((order, i) => $$"""{"id": {{i + 1}}, "type": "EmptyImage", "mode": 0, "order": {{order}}, "widgets_values": [8, 8, 1, 0]}""");
        var json = $$"""{"nodes": [{{string.Join(", ", nodes)}}], "links": [], "version": 0.4}""";
        var result = UiToApiConverter.Convert(WorkflowLoader.Parse(Encoding.UTF8.GetBytes(json), "g.json"), SchemaSet.Catalogue, UiToApiOptions.Default, "g.json");
        var expected = orders.Select((order, i) => (order, id: i + 1)).OrderBy(p => p.order).Select(p => p.id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, result.Prompt!.Select(p => p.Key));
    }
}
