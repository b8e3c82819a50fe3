using Loki.Tests;

namespace Loki.Core.Tests.Composition;

/// <summary>
/// The composite flows the build grew load in the real litegraph client (<c>@comfyorg/litegraph</c> through
/// <see cref="LitegraphCheck"/>): every node configures, every link joins the slots it names with types the
/// inputs take, serialising again keeps the links, and no two nodes overlap.
/// </summary>
public sealed class CompositeLitegraphTests
{
    [NodeJsFact]
    public void TheLibrarysCompositeFlowsLoadInLitegraph()
    {
        var files = CompositeGoldenTests.Names().Select(n => RepoPaths.InRepo("nodes", n, n + "_workflow.json")).ToList();
        Assert.True(files.Count >= 6);

        LitegraphCheck.AssertLoad(files);
    }
}
