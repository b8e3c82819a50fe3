using System.Text.Json.Nodes;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Schemas;
using Loki.Core.Workflows;
using Loki.Tests;

namespace Loki.Core.Tests.Conversion;

/// <summary>
/// The flattener's nodes are lent by the thread's <see cref="FlatNodePool"/> and taken back when the conversion ends:
/// a node comes back with nothing of its conversion (no workflow kept alive, no widgets, memos, schema or group), is
/// lent again as a new node would start, and a conversion takes back every node it was lent, reusing the pool's nodes
/// instead of making more. <c>WidgetStoreTests</c> converts features one after another and on several threads.
/// </summary>
public sealed class FlatNodePoolTests
{
    private static readonly string Features = RepoPaths.InRepo("tests", "Loki.Core.Tests", "Workflows", "Features");

    [Fact]
    public void A_node_comes_back_empty_and_is_lent_again_as_a_new_one()
    {
        var pool = FlatNodePool.ForThread();
        Assert.Equal(0, pool.Lent);
        var group = new UiNode(new JsonObject { ["id"] = 1, ["type"] = "workflow>g" }, "1", "$.nodes[0]");
        var ui = new UiNode(new JsonObject { ["id"] = 5, ["type"] = "EmptyLatentImage", ["mode"] = 4 }, "5", "$.nodes[1]");
        var instance = pool.Rent("1", group, [], null, "workflow>g", FlatNodeKind.Group);
        var node = pool.Rent("1:5", ui, ["1"], instance, "EmptyLatentImage", FlatNodeKind.Real);
        (node.Group, node.GroupIndex, node.MemoStart) = (new GroupExpansion(instance, new JsonObject()), 0, 7);
        node.SetWidgets([PromptInput.String("width", "8")], 0);
        Assert.NotNull(node.SchemaIn(SchemaSet.Catalogue));
        pool.Release();

        Assert.Equal(0, pool.Lent);
        foreach (var back in new[] { instance, node })
        {
            Assert.True(back.Node is null && back.Instance is null && back.Group is null, "a node kept a reference");
            Assert.Equal((string.Empty, string.Empty, 0, -1, -1, false), (back.Id, back.ClassType, back.Path.Count, back.GroupIndex, back.MemoStart, back.HasWidgets));
        }

        // Lent again, in the same order, as new nodes: the schema is chosen anew for the new class.
        var again = pool.Rent("2", ui, [], null, "VAEDecode", FlatNodeKind.Real);
        Assert.Same(instance, again);
        Assert.Equal(("2", "VAEDecode", 4, 0), (again.Id, again.ClassType, again.Mode, again.WidgetCount));
        Assert.Equal("VAEDecode", again.SchemaIn(SchemaSet.Catalogue)?.ClassType);
        pool.Release();
    }

    [Fact]
    public void A_conversion_takes_back_every_node_it_was_lent_and_the_next_reuses_them()
    {
        var schemas = SchemaSet.Load([Path.Combine(Features, "test-nodes.object_info.json")]);
        var pool = FlatNodePool.ForThread();
        var held = new List<int>();
        string? first = null;
        for (var round = 0; round < 3; round++)
        {
            foreach (var name in new[] { "reroutes", "group_node", "subgraphs" })
            {
                var file = Path.Combine(Features, name + ".workflow.json");
                var result = UiToApiConverter.Convert(WorkflowLoader.Parse(File.ReadAllBytes(file), file), schemas, UiToApiOptions.Default, file);
                Assert.True(result.Succeeded, name);
                Assert.Equal(0, pool.Lent);
                first ??= result.Prompt!.ToJsonString();
                if (name == "reroutes")
                {
                    Assert.Equal(first, result.Prompt!.ToJsonString());
                }
            }

            held.Add(pool.Held);
        }

        // The first round made the nodes the largest of the three needs; later rounds made none.
        Assert.True(held[0] > 0 && held.All(h => h == held[0]), string.Join(", ", held));
    }
}
