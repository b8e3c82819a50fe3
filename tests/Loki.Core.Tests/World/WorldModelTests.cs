using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Flows;
using Loki.Core.Packaging;
using Loki.Core.Schemas;
using Loki.Core.World;
using Loki.Core.Workflows;
using Loki.Core.Workflows.Layout;

namespace Loki.Core.Tests.World;

/// <summary>The World of the repository's own library: every node present, chained only where sockets fit, laid out without overlaps.</summary>
public sealed class WorldModelTests
{
    private static WorldModel World => WorldSupport.Model;

    private static List<JsonObject> Nodes(JsonObject workflow) => ((JsonArray)workflow["nodes"]!).OfType<JsonObject>().ToList();

    private static SchemaSet Schemas => FlowLoader.WithLoki(SchemaSet.Catalogue, World.Library.Nodes.Select(n => n.Config));

    [Fact]
    public void Every_library_node_is_one_node_carrying_the_packs_registry_id_and_version()
    {
        var folders = LibraryNodes.Discover(WorldSupport.LibraryPath).Where(f => File.Exists(f.ConfigPath())).Select(f => f.Name).ToList();
        Assert.True(folders.Count >= 29, string.Join(",", folders));
        var pack = PackMetadataReader.Read(Loki.Tests.RepoPaths.InRepo("pack.json"), new DiagnosticBag())!;
        var nodes = Nodes(World.Workflow);
        foreach (var name in folders)
        {
            var type = Loki.Core.Naming.NodeNames.ToMappingKey(name);
            var node = Assert.Single(nodes, n => JsonRead.String(n["type"]) == type);
            Assert.Equal(pack.Name, JsonRead.String(node["properties"]!["cnr_id"]));
            Assert.Equal(pack.Version, JsonRead.String(node["properties"]!["ver"]));
        }

        Assert.Equal("comfyui-loki", pack.Name);
        foreach (var node in nodes.Where(n => !JsonRead.String(n["type"])!.StartsWith("Loki", StringComparison.Ordinal)))
        {
            Assert.Equal("comfy-core", JsonRead.String(node["properties"]!["cnr_id"]));
            Assert.Equal("0.3.64", JsonRead.String(node["properties"]!["ver"]));
            Assert.NotNull(SchemaSet.Catalogue.Find(JsonRead.String(node["type"])!));
        }

        Assert.Equal(folders.Count, nodes.Count(n => JsonRead.String(n["properties"]!["cnr_id"]) == pack.Name));
    }

    [Fact]
    public void Links_join_only_compatible_sockets_and_agree_with_both_ends()
    {
        var nodes = Nodes(World.Workflow).ToDictionary(n => (int)JsonRead.Long(n["id"])!);
        var links = ((JsonArray)World.Workflow["links"]!).OfType<JsonArray>().ToList();
        Assert.True(links.Count >= nodes.Count - 3, $"{links.Count} links for {nodes.Count} nodes");
        var fed = new HashSet<(int, int)>();
        foreach (var link in links)
        {
            var (id, from, fromSlot, to, toSlot, type) = ((int)link[0]!, (int)link[1]!, (int)link[2]!, (int)link[3]!, (int)link[4]!, (string)link[5]!);
            var output = (JsonObject)nodes[from]["outputs"]![fromSlot]!;
            var input = (JsonObject)nodes[to]["inputs"]![toSlot]!;
            Assert.Equal(type, JsonRead.String(output["type"]));
            Assert.True(JsonRead.String(input["type"]) is var t && (t == type || t == "*"), $"link {id}: {type} into a {JsonRead.String(input["type"])} input");
            Assert.Equal(id, (int)input["link"]!);
            Assert.Contains(id, ((JsonArray)output["links"]!).Select(x => (int)x!));
            Assert.True(fed.Add((to, toSlot)), $"input {toSlot} of node {to} has two links");

            // X2Y: a library origin gives the type's letter.
            var origin = World.Plan.Items[from - 1].Node;
            if (origin is not null && X2YSides.Parse(origin.X2YFormat) is { } sides)
            {
                Assert.True(sides.GivesType(type), $"{origin.Name} ({origin.X2YFormat}) does not give {type}");
            }
        }

        // The chain reaches every region: the paths make one connected map.
        var parent = nodes.Keys.ToDictionary(k => k, k => k);
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        foreach (var link in links)
        {
            parent[Find((int)link[1]!)] = Find((int)link[3]!);
        }

        Assert.True(nodes.Keys.Select(Find).Distinct().Count() <= 2, "the text chain and the image chain at most, joined through the overlay");
    }

    [Fact]
    public void Regions_group_nodes_by_category_and_nothing_overlaps_at_the_frontends_sizes()
    {
        var groups = ((JsonArray)World.Workflow["groups"]!).OfType<JsonObject>().ToList();
        var categories = World.Library.Nodes.Select(n => n.Region).Distinct().ToList();
        Assert.True(categories.All(c => groups.Any(g => JsonRead.String(g["title"]) == c)), "one group per category");
        var boxes = groups.Select(g => ((JsonArray)g["bounding"]!).Select(v => JsonRead.Number(v)!.Value).ToArray()).ToList();
        Assert.Empty(NodeBoxes.Overlapping(boxes.Select(b => (b[0], b[1], b[2], b[3])).ToList()));

        foreach (var node in Nodes(World.Workflow))
        {
            var item = World.Plan.Items[(int)JsonRead.Long(node["id"])! - 1];
            var group = boxes[groups.FindIndex(g => JsonRead.String(g["title"]) == WorldWorkflowBuilderTitle(item.Region))];
            var (x, y) = (JsonRead.Number(node["pos"]![0])!.Value, JsonRead.Number(node["pos"]![1])!.Value);
            var (w, h) = (JsonRead.Number(node["size"]![0])!.Value, JsonRead.Number(node["size"]![1])!.Value);
            Assert.True(x >= group[0] && y - FrontendNodeSize.TitleHeight >= group[1] + 30 && x + w <= group[0] + group[2] && y + h <= group[1] + group[3],
                $"{item.ClassType} lies outside its region {item.Region}");
            var least = FrontendNodeSize.Of(NodeShapeReader.Read(node, Schemas));
            Assert.True(w >= least.Width && h >= least.Height, $"{item.ClassType} is smaller than the frontend draws it");
        }

        Assert.Empty(WorkflowLayout.Overlaps(World.Workflow, Schemas));
    }

    [Fact]
    public void The_prompt_is_the_runnable_part_as_the_frontend_would_queue_it()
    {
        var prompt = World.Prompt;
        Assert.Equal(World.Plan.Runnable.Order().Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), prompt.Select(p => p.Key).Order(StringComparer.Ordinal).OrderBy(int.Parse));
        var diagnostics = new DiagnosticBag();
        PromptSchemaCheck.Check(prompt, "world.png", Schemas, diagnostics, unknownClasses: true);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Items));
        Assert.Contains(prompt, p => JsonRead.String(p.Value!["class_type"]) == "PreviewImage");

        // Every library node runs: none is left out of the runnable part.
        foreach (var node in World.Library.Nodes)
        {
            Assert.Contains(prompt, p => JsonRead.String(p.Value!["class_type"]) == node.ClassType);
        }

        foreach (var (_, entry) in prompt)
        {
            foreach (var (_, value) in (JsonObject)entry!["inputs"]!)
            {
                if (value is JsonArray { Count: 2 } link && link[0] is JsonValue v && v.TryGetValue(out string? from))
                {
                    Assert.True(prompt.ContainsKey(from), $"a prompt input refers to node {from}, which is not in the prompt");
                }
            }
        }
    }

    private static string WorldWorkflowBuilderTitle(string region) => region == WorldChainer.SourceRegion ? "sources" : region;
}
