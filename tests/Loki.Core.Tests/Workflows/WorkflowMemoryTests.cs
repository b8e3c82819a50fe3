using System.Text;
using Loki.Core.Diagnostics;
using Loki.Core.Schemas;
using Loki.Core.Workflows;
using Loki.Tests;

namespace Loki.Core.Tests.Workflows;

/// <summary>
/// Loads that reuse a <see cref="WorkflowMemory"/> (its arrays and node objects written over load after load) must read
/// every file exactly as a load with memory of its own does: a smaller graph after a larger one (an index over positions
/// a larger one filled, nodes that made their parsed values on demand), a graph whose arrays grow while a later graph of
/// the same load is read (the earlier keeps the array it was given), and a load after one that failed half way. The
/// memory is reused, not grown, when the same file comes again. A result still in use when the next load with its
/// memory starts is the caller's mistake (see <see cref="WorkflowMemory"/>): it is not tested for.
/// </summary>
public sealed class WorkflowMemoryTests
{
    // Ids 1.. (a dense index), each node with two inputs and three saved values, every second one linked; link 2 given twice.
    private static string Workflow(int nodes, string? definitions = null, int firstId = 1, bool definitionsFirst = false)
    {
        var text = new StringBuilder(definitionsFirst ? $"{{\"definitions\": {definitions}, \"nodes\": [" : "{\"nodes\": [");
        for (var i = 0; i < nodes; i++)
        {
            var id = firstId + i;
            text.Append(i == 0 ? "" : ",").Append($$$"""
                {"id": {{{id}}}, "type": "T{{{i % 5}}}", "order": {{{i}}}, "title": "n{{{id}}}", "properties": {"Node name for S&R": "T{{{i % 5}}}"},
                 "inputs": [{"name": "a", "type": "IMAGE", "link": {{{(i % 2 == 0 ? id.ToString() : "null")}}}}, {"name": "w", "type": "INT", "widget": {"name": "w"}}],
                 "outputs": [{"name": "o", "type": "IMAGE", "links": []}], "widgets_values": [{{{id}}}, "text {{{id}}}", [1, 2]]}
                """);
        }

        text.Append("], \"links\": [");
        for (var i = 0; i < nodes; i += 2)
        {
            var id = firstId + i;
            text.Append(i == 0 ? "" : ",").Append($"[{id}, {firstId + ((i + 1) % nodes)}, 0, {id}, 0, \"IMAGE\"]");
        }

        text.Append(nodes > 2 ? $", [{firstId + 2}, {firstId}, 0, {firstId + 1}, 1, \"INT\"]" : "");
        text.Append(']').Append(definitions is null || definitionsFirst ? "" : $", \"definitions\": {definitions}").Append(", \"version\": 0.4}");
        return text.ToString();
    }

    private static string Definitions(int nodes) =>
        $$"""{"subgraphs": [{{Workflow(nodes, firstId: 500).TrimEnd('}').Replace(", \"version\": 0.4", "")}}, "id": "def-a", "name": "S", "inputs": [], "outputs": []}]}""";

    // What a caller reads of a load (views, warnings, the prompt with the catalogue), or its error.
    private static string Read(string json, WorkflowMemory? memory) => Read(Encoding.UTF8.GetBytes(json), "memory.json", memory, direct: true);

    private static string Read(byte[] bytes, string name, WorkflowMemory? memory, bool direct)
    {
        try
        {
            var file = WorkflowLoader.Parse(bytes, name, memory);
            Assert.True(!direct || file.UiView?.Source is not null);
            var text = LoaderPaths.Describe(file);
            return file.HasUi ? text + LoaderPaths.Convert(file, SchemaSet.Catalogue, name) : text;
        }
        catch (LokiException e)
        {
            return "error " + e.Diagnostic.Code + " " + e.Diagnostic.Message;
        }
    }

    [Fact]
    public void A_smaller_graph_after_a_larger_one_and_a_larger_after_a_smaller_read_as_with_memory_of_their_own()
    {
        var memory = new WorkflowMemory();
        foreach (var json in new[] { Workflow(3), Workflow(300), Workflow(2), Workflow(40), Workflow(300), Workflow(1) })
        {
            Assert.Equal(Read(json, null), Read(json, memory));
        }
    }

    [Theory]
    [InlineData(32, 100)] // the root's slots fill the first array (64) exactly: the definition's grow it
    [InlineData(31, 3)] // no growth
    [InlineData(200, 150)]
    public void A_graph_keeps_its_values_when_a_later_graph_of_the_load_grows_the_arrays(int rootNodes, int definitionNodes)
    {
        var json = Workflow(rootNodes, Definitions(definitionNodes));
        var memory = new WorkflowMemory();
        Assert.Equal(Read(json, null), Read(json, memory));

        // The definition read first: the root's values are the ones that grow the arrays.
        var first = Workflow(rootNodes, Definitions(definitionNodes), definitionsFirst: true);
        Assert.Equal(Read(first, null), Read(first, memory));
        Assert.Equal(Read(json, null), Read(json, memory));
    }

    [Theory]
    [InlineData("{\"nodes\": [{\"id\": 1, \"inputs\": [{\"name\": \"a\", \"link\": 1}], \"widgets_values\": [1]}, {\"type\": \"no id\"}]}")] // the direct reader gives up half way
    [InlineData("{\"nodes\": [{\"id\": 1, \"inputs\": [{\"name\": \"a\", \"link\": 1}], \"widgets_values\": [1]}, {\"id\": 2, \"inputs\": [")] // not JSON
    [InlineData("{\"nodes\": [{\"id\": 1, \"mode\": 0}, {\"id\": 2}], \"links\": [[1, 1, 0, 2, 0, \"X\"]], \"version\": \"x\"}")] // read, then other checks
    public void A_load_after_a_failed_or_different_one_reads_as_with_memory_of_its_own(string other)
    {
        var memory = new WorkflowMemory();
        var json = Workflow(120, Definitions(10));
        Assert.Equal(Read(json, null), Read(json, memory));
        Assert.Equal(Read(other, null), Read(other, memory));
        Assert.Equal(Read(json, null), Read(json, memory));
    }

    [CorpusFact]
    public void Every_corpus_input_reads_alike_with_one_memory_for_all_and_with_memory_of_its_own()
    {
        var memory = new WorkflowMemory();
        var files = new[] { "frontend-pairs", "pairs", "workflows" }
            .SelectMany(set => Directory.EnumerateFiles(Path.Combine(RepoPaths.Corpus!, set), "*.json", SearchOption.AllDirectories))
            .Where(f => Path.GetFileName(f) != "index.json").Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count > 1600, $"only {files.Count} inputs");
        for (var i = 0; i < files.Count; i++)
        {
            var bytes = File.ReadAllBytes(files[i]);
            Assert.Equal(Read(bytes, files[i], null, direct: false), Read(bytes, files[i], memory, direct: false));
            if (i % 10 == 0)
            {
                // A load that fails half way (the text cut short) before the next file's.
                var half = bytes.AsSpan(0, bytes.Length / 2).ToArray();
                Assert.Equal(Read(half, files[i], null, direct: false), Read(half, files[i], memory, direct: false));
            }
        }
    }

    [Fact]
    public void The_same_file_again_reuses_the_memory_nodes_and_arrays_and_memory_of_its_own_does_not()
    {
        var bytes = Encoding.UTF8.GetBytes(Workflow(100));
        var memory = new WorkflowMemory();
        var first = WorkflowLoader.Parse(bytes, "a.json", memory).UiView!.Root;
        var (nodes, slots, saved) = (first.Nodes.ToArray(), first.InputPool, first.SavedPool);
        Assert.Throws<LokiException>(() => WorkflowLoader.Parse(Encoding.UTF8.GetBytes("{\"nodes\": [{\"id\": 1}, {\"type\": \"no id\"}]}"), "b.json", memory));
        var second = WorkflowLoader.Parse(bytes, "a.json", memory).UiView!.Root;

        // The documented contract: the first result's nodes are now the second's (the caller was to be done with it).
        Assert.Equal(nodes, second.Nodes);
        Assert.Same(slots, second.InputPool);
        Assert.Same(saved, second.SavedPool);

        var own = WorkflowLoader.Parse(bytes, "a.json").UiView!.Root;
        Assert.NotSame(second.Nodes[0], own.Nodes[0]);
        Assert.NotSame(second.InputPool, own.InputPool);
        Assert.Equal(own.InputPool, second.InputPool.AsSpan(0, own.InputPool.Length).ToArray());
    }
}
