using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Nodes;
using Loki.Core.Config;
using Loki.Core.Diagnostics;
using Loki.Core.Flows;
using Loki.Core.Flows.Interface;
using Loki.Core.Flows.Ui;
using Loki.Core.Schemas;
using Loki.Core.Text;
using Loki.Core.Workflows;
using Loki.Tests;

namespace Loki.Core.Tests.Flows;

/// <summary>
/// The one-node flow around every node of the repo's library: laid out without overlaps, and read back through the
/// UI → API converter, its markers give exactly the node's interface.
/// </summary>
public class NodeFlowBuilderTests
{
    public static TheoryData<string> LibraryNodes()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(RepoPaths.InRepo("nodes")).Order(StringComparer.Ordinal))
        {
            if (File.Exists(Path.Combine(dir, Path.GetFileName(dir) + ".json")))
            {
                data.Add(Path.GetFileName(dir));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LibraryNodes))]
    public void One_node_flow_reads_back_as_the_nodes_interface(string node)
    {
        var bag = new DiagnosticBag();
        var config = NodeConfigReader.ReadFile(RepoPaths.InRepo("nodes", node, node + ".json"), bag)!;
        var environment = new FlowEnvironment(SchemaSet.Catalogue, [config]);
        var ui = NodeFlowBuilder.Build(config, markers: true);

        AssertNoOverlaps(ui);
        var file = Path.Combine(Path.GetTempPath(), $"loki-{node}-{Guid.NewGuid():N}_workflow.json");
        File.WriteAllText(file, CanonicalJson.Write(ui));
        try
        {
            var doc = FlowLoader.Load(file, environment, bag);
            Assert.True(doc is not null, string.Join("\n", bag.Items));
            Assert.True(doc!.Validate(environment.Catalog, bag), string.Join("\n", bag.Items));
            Assert.Equal(FlowInterfaceSource.Markers, doc.Interface.Source);
            Assert.Equal(config.Inputs.Select(p => (p.Name, p.Type)), doc.Interface.Inputs.Select(p => (p.Name, p.Type)));
            Assert.Equal(config.Outputs.Select(p => (p.Name, p.Type)), doc.Interface.Outputs.Select(p => (p.Name, p.Type)));
            // Defaults survive the marker's text form ("" means none there, so an empty text default becomes required).
            foreach (var port in config.Inputs.Where(p => p.Default is JsonValue v && v.ToJsonString() != "\"\""))
            {
                var found = doc.Interface.Inputs.Single(p => p.Name == port.Name).Default;
                Assert.True(found is not null, $"{port.Name} lost its default");
                Assert.Equal(Normal(port.Default!), Normal(found!));
            }

            Assert.Equal([FlowNodeClass(config)], doc.Plan.Order.Select(n => n.ClassType).Where(c => c.StartsWith("Loki", StringComparison.Ordinal)).Distinct());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Plain_flow_has_loaders_and_savers_and_no_markers()
    {
        var bag = new DiagnosticBag();
        var config = NodeConfigReader.ReadFile(RepoPaths.InRepo("nodes", "image_blur", "image_blur.json"), bag)!;
        var ui = NodeFlowBuilder.Build(config, markers: false);
        var types = ((JsonArray)ui["nodes"]!).Select(n => n!["type"]!.GetValue<string>()).ToList();
        Assert.Equal(["LokiImageBlur", "LoadImage", "SaveImage"], types);
        Assert.Equal(2, ((JsonArray)ui["links"]!).Count);
    }

    private static string Normal(JsonNode value) =>
        double.TryParse(value.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d)
            ? d.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : CanonicalJson.WriteCompact(value);

    private static string FlowNodeClass(NodeConfig config) => Loki.Core.Naming.NodeNames.ToMappingKey(config.NodeName);

    private static void AssertNoOverlaps(JsonObject ui)
    {
        var boxes = ((JsonArray)ui["nodes"]!).Select(n => (
            Id: n!["id"]!.GetValue<int>(),
            X: n["pos"]![0]!.GetValue<double>(), Y: n["pos"]![1]!.GetValue<double>(),
            W: n["size"]![0]!.GetValue<double>(), H: n["size"]![1]!.GetValue<double>() + 30)).ToList(); // + the title bar
        foreach (var a in boxes)
        {
            foreach (var b in boxes.Where(b => b.Id > a.Id))
            {
                var overlap = a.X < b.X + b.W && b.X < a.X + a.W && a.Y < b.Y + b.H && b.Y < a.Y + a.H;
                Assert.False(overlap, $"nodes {a.Id} and {b.Id} overlap");
            }
        }

        // Every link ends on the input slot that names it, and starts on an output that lists it.
        var nodes = ((JsonArray)ui["nodes"]!).ToDictionary(n => n!["id"]!.GetValue<int>(), n => n!);
        foreach (var link in ((JsonArray)ui["links"]!).Select(l => l!.AsArray()))
        {
            var id = link[0]!.GetValue<int>();
            Assert.Equal(id, nodes[link[3]!.GetValue<int>()]["inputs"]![link[4]!.GetValue<int>()]!["link"]!.GetValue<int>());
            Assert.Contains(id, nodes[link[1]!.GetValue<int>()]["outputs"]![link[2]!.GetValue<int>()]!["links"]!.AsArray().Select(x => x!.GetValue<int>()));
        }
    }
}
