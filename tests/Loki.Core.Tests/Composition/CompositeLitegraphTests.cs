using System.Text.Json.Nodes;
using Loki.Core.Tests.Support;
using Loki.Tests;

namespace Loki.Core.Tests.Composition;

/// <summary>
/// The composite flows the build grew load in the real litegraph client (<c>@comfyorg/litegraph</c> through
/// <c>tests/js/check-workflows.mjs</c>): every node configures, every link joins the slots it names with types the
/// inputs take, serialising again keeps the links, and no two nodes overlap.
/// </summary>
public sealed class CompositeLitegraphTests
{
    [NodeJsFact]
    public void TheLibrarysCompositeFlowsLoadInLitegraph()
    {
        NodeJsFactAttribute.EnsureInstalled();
        var files = CompositeGoldenTests.Names().Select(n => RepoPaths.InRepo("nodes", n, n + "_workflow.json")).ToList();
        Assert.True(files.Count >= 6);

        var (code, output) = NodeJsFactAttribute.Run(NodeJsFactAttribute.Find("node")!, [Path.Combine(NodeJsFactAttribute.Folder, "check-workflows.mjs"), .. files], NodeJsFactAttribute.Folder, TimeSpan.FromMinutes(2));

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(files.Count, lines.Count);
        foreach (var line in lines)
        {
            var file = line["file"]!.GetValue<string>();
            Assert.True(line["problems"]!.AsArray().Count == 0, $"{file}: {line["problems"]!.ToJsonString()}");
            Assert.True(line["typeMismatches"]!.AsArray().Count == 0, $"{file}: links join other types: {line["typeMismatches"]!.ToJsonString()}");
        }

        Assert.Equal(0, code);
    }
}
