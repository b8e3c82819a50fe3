using System.Text;
using System.Text.Json.Nodes;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Schemas;
using Loki.Core.Workflows;
using Loki.Tests;

namespace Loki.Core.Tests.Conversion;

/// <summary>
/// Every node's widget values sit in one store per thread (<see cref="FlatNode.SetWidgets"/>), emptied after each
/// conversion: feature workflows that set widgets after mapping them (primitives, promoted subgraph widgets, group
/// nodes, muted nodes without a definition) must convert to their expected prompts in any order, one after another on
/// one thread, after a conversion that failed, and on several threads at once.
/// </summary>
public sealed class WidgetStoreTests
{
    private static readonly string Features = RepoPaths.InRepo("tests", "Loki.Core.Tests", "Workflows", "Features");
    private static readonly Lazy<SchemaSet> TestSchemas = new(() => SchemaSet.Load([Path.Combine(Features, "test-nodes.object_info.json")]));
    private static readonly string[] Names =
        ["primitive_node", "subgraphs", "group_node", "notes_and_muted", "converted_widget_sockets", "control_widgets", "typed_values", "values_and_templates", "bypass", "reroutes"];

    // A node no definition knows, after a node whose widgets were mapped: the conversion fails with the store half filled.
    private const string Unknown = """{"nodes": [{"id": 1, "type": "EmptyLatentImage", "mode": 0, "widgets_values": [8, 8, 1]}, {"id": 2, "type": "NoSuchNode", "mode": 0, "widgets_values": [1, 2]}], "links": []}""";

    [Fact]
    public void Features_converted_one_after_another_in_any_order_give_their_prompts()
    {
        var expected = Expected();
        var random = new Random(5);
        for (var round = 0; round < 4; round++)
        {
            foreach (var name in Names.OrderBy(_ => random.Next()))
            {
                var failed = UiToApiConverter.Convert(WorkflowLoader.Parse(Encoding.UTF8.GetBytes(Unknown), "unknown.json"), TestSchemas.Value, UiToApiOptions.Default, "unknown.json");
                Assert.False(failed.Succeeded);
                Assert.Equal(expected[name], Convert(name));
            }
        }
    }

    [Fact]
    public void Features_converted_on_several_threads_at_once_give_their_prompts()
    {
        var expected = Expected();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var name = Names[i % Names.Length];
            if (Convert(name) != expected[name])
            {
                failures.Add(name);
            }
        });

        Assert.Empty(failures);
    }

    // Each feature converted alone, matching its expected prompt (FeatureWorkflowTests compares them in full).
    private static Dictionary<string, string> Expected()
    {
        var expected = Names.ToDictionary(n => n, Convert);
        foreach (var (name, prompt) in expected)
        {
            var file = JsonNode.Parse(File.ReadAllText(Path.Combine(Features, name + ".prompt.json")));
            Assert.True(JsonNode.DeepEquals(file, JsonNode.Parse(prompt)), name);
        }

        return expected;
    }

    private static string Convert(string name)
    {
        var file = Path.Combine(Features, name + ".workflow.json");
        var result = UiToApiConverter.Convert(WorkflowLoader.Load(file), TestSchemas.Value, UiToApiOptions.Default, Path.GetFileName(file));
        return Encoding.UTF8.GetString(result.PromptUtf8() ?? []);
    }
}
