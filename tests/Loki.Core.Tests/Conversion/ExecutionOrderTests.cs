using System.Text;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Schemas;
using Loki.Core.Workflows;

namespace Loki.Core.Tests.Conversion;

/// <summary>
/// The prompt lists nodes in the frontend's execution order: by saved <c>order</c>, then by place in the file, nodes
/// without one last. Orders that are a permutation of the node count are placed directly (GraphFlattener), any other
/// set (repeats, gaps, negatives, missing, too large) is sorted: both must give the same order.
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
}
