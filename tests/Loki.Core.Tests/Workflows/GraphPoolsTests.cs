using System.Text;
using Loki.Core.Workflows;

namespace Loki.Core.Tests.Workflows;

/// <summary>
/// The direct reader keeps a graph's input slots and saved widget values in one array each (<see cref="UiGraph.InputPool"/>,
/// <see cref="UiGraph.SavedPool"/>), each node holding where its own lie: every node must still see exactly its own
/// slots and values, as the element path gives them, whatever the nodes hold (no inputs, an entry that is no object, no
/// <c>widgets_values</c>, an empty array, an object, a string), and a subgraph definition read before or after the root
/// nodes, or between two others, must get its own arrays, not a share of another graph's.
/// </summary>
public sealed class GraphPoolsTests
{
    private const string Nodes = """
        [{"id": 1, "type": "A", "inputs": [{"name": "a", "type": "IMAGE", "link": 1}, {"name": "b", "type": "INT", "link": null, "widget": {"name": "b"}}], "widgets_values": [1, "x", true, null, [1, 2], {"k": "v"}, "caf\u00e9"]},
         {"id": 2, "type": "B", "widgets_values": {"mode": 3}},
         {"id": 3, "type": "C", "inputs": [], "widgets_values": []},
         {"id": 4, "type": "D", "inputs": [{"name": "c", "type": "LATENT", "link": 2}]},
         {"id": 5, "type": "E", "inputs": [7, {"name": "d", "type": ["INT", "FLOAT"]}], "widgets_values": "text"},
         {"id": 6, "type": "F", "inputs": [{"name": "e", "type": "MODEL"}], "widgets_values": [2.5, "last"]}]
        """;

    private const string Links = """[[1, 4, 0, 1, 0, "IMAGE"], [2, 6, 0, 4, 0, "LATENT"]]""";

    private static string Definition(string id, int first) => $$"""
        {"id": "{{id}}", "name": "S", "inputs": [], "outputs": [], "links": [],
         "nodes": [{"id": {{first}}, "type": "In", "inputs": [{"name": "p", "type": "INT"}, {"name": "q", "type": "FLOAT"}], "widgets_values": [{{first}}, "sub"]},
                   {"id": {{first + 1}}, "type": "Out", "widgets_values": ["only"]}]}
        """;

    [Theory]
    [InlineData(true)] // definitions before the root's nodes
    [InlineData(false)] // after them
    public void Each_node_sees_its_own_slots_and_values_and_each_graph_has_its_own_arrays(bool definitionsFirst)
    {
        var definitions = $$"""{"subgraphs": [{{Definition("def-a", 20)}}, {{Definition("def-b", 30)}}]}""";
        var json = definitionsFirst
            ? $$"""{"definitions": {{definitions}}, "nodes": {{Nodes}}, "links": {{Links}}, "version": 0.4}"""
            : $$"""{"nodes": {{Nodes}}, "links": {{Links}}, "definitions": {{definitions}}, "version": 0.4}""";
        var bytes = Encoding.UTF8.GetBytes(json);

        var direct = WorkflowLoader.Parse(bytes, "pools.json").UiView!;
        var element = WorkflowLoader.ParseElementPath(bytes, "pools.json").UiView!;
        Assert.IsType<LazyJsonRoot>(direct.Source, exactMatch: true);

        var directGraphs = direct.Graphs.ToList();
        var elementGraphs = element.Graphs.ToList();
        Assert.Equal(3, directGraphs.Count);
        Assert.Equal(Describe(elementGraphs), Describe(directGraphs));

        // One array of each per graph, holding exactly its nodes' slots and values, node after node.
        foreach (var graph in directGraphs)
        {
            var slots = graph.Nodes.SelectMany(n => n.InputSlots.ToArray()).ToArray();
            Assert.Equal(slots, graph.InputPool);
            var saved = graph.Nodes.Sum(n => n.SavedWidgetValues.Count);
            Assert.Equal(saved, graph.SavedPool.Length);
        }

        Assert.Equal(6, directGraphs[0].InputPool.Length);
        Assert.Equal(2, directGraphs[1].InputPool.Length);
        Assert.Equal(3, directGraphs[2].SavedPool.Length);
    }

    // What a caller reads of each node's slots and saved values, per graph.
    private static List<string> Describe(List<UiGraph> graphs)
    {
        var lines = new List<string>();
        foreach (var graph in graphs)
        {
            lines.Add($"graph {graph.JsonPath}");
            foreach (var node in graph.Nodes)
            {
                var slots = string.Join(";", node.InputSlots.ToArray().Select(s => $"{s.Name}|{s.Type}|{s.Link}|{s.WidgetName}"));
                var values = node.SavedWidgetValues;
                var read = string.Join(";", Enumerable.Range(0, values.Count).Select(i => $"{values.Kind(i)}:{values.Text(i)}:{values.Element(i).GetRawText()}"));
                lines.Add($"  node {node.Id} inputs [{slots}] ({node.Inputs.Count}) saved {values.Count} [{read}]");
            }
        }

        return lines;
    }
}
