using Loki.Core.Composition;
using Loki.Core.Config;
using Loki.Core.Diagnostics;
using Loki.Core.Flows;
using Loki.Core.Flows.Interface;
using Loki.Core.Regeneration;
using Loki.Core.Schemas;
using Loki.Core.Tests.Python;
using Loki.Core.Text;
using Loki.Tests;

namespace Loki.Core.Tests.Composition;

/// <summary>
/// Every composite script of the library compiles to its golden flow (<c>Golden/Composition/</c>, LOKI_ACCEPT=1
/// rewrites them), and that flow is the one the build grew into the node folder.
/// </summary>
public sealed class CompositeGoldenTests
{
    /// <summary>The library's composite nodes: scripts that bind other nodes with <c>compose.node</c>.</summary>
    public static IReadOnlyList<string> Names() =>
    [
        .. Directory.GetDirectories(RepoPaths.InRepo("nodes")).Order(StringComparer.Ordinal)
            .Where(dir => File.Exists(Path.Combine(dir, Path.GetFileName(dir) + ".py"))
                          && File.ReadAllText(Path.Combine(dir, Path.GetFileName(dir) + ".py")).Contains("compose.node(", StringComparison.Ordinal))
            .Select(Path.GetFileName)!,
    ];

    /// <summary><see cref="Names"/> as theory data.</summary>
    public static TheoryData<string> Composites() => new(Names());

    [Fact]
    public void TheLibraryHasAtLeastSixComposites() => Assert.True(Names().Count >= 6, $"{Names().Count} composites");

    [Theory]
    [MemberData(nameof(Composites))]
    public void CompilesToItsGoldenFlowWhichTheBuildGrew(string node)
    {
        var dir = RepoPaths.InRepo("nodes", node);
        var config = NodeConfigReader.ReadFile(Path.Combine(dir, node + ".json"), new DiagnosticBag(), node)!;
        var bag = new DiagnosticBag();
        var compiled = CompositeCompiler.Compile(PythonTestSupport.Python, Path.Combine(dir, node + ".py"), config, bag, prove: false);
        Assert.True(compiled?.Flow is not null, string.Join("\n", bag.Items));
        var text = CanonicalJson.Write(compiled.Flow);
        Golden.AssertMatches(text, "Loki.Core.Tests", $"Composition/{node}_workflow.json");

        var grown = File.ReadAllText(Path.Combine(dir, node + "_workflow.json"));
        var mark = GeneratedHeader.ReadJson(grown, underExtra: true, out var body, out _);
        Assert.Equal(node + ".py", mark?.Source);
        Assert.Equal(GeneratedHeader.ReadJson(GeneratedHeader.WrapJson(compiled.Flow.DeepClone().AsObject(), true, "x", new string('0', 64)), true, out var expected, out _) is not null ? expected : null, body);
    }

    [Theory]
    [MemberData(nameof(Composites))]
    public void TheGrownFlowReadsBackWithTheNodesInterface(string node)
    {
        var bag = new DiagnosticBag();
        var config = NodeConfigReader.ReadFile(RepoPaths.InRepo("nodes", node, node + ".json"), bag, node)!;
        var environment = new FlowEnvironment(SchemaSet.Catalogue, FlowLibrary.Read([RepoPaths.Root], new DiagnosticBag()));
        var doc = FlowLoader.Load(RepoPaths.InRepo("nodes", node, node + "_workflow.json"), environment, bag);
        Assert.True(doc is not null && doc.Validate(environment.Catalog, bag), string.Join("\n", bag.Items));
        Assert.Equal(FlowInterfaceSource.Markers, doc.Interface.Source);
        Assert.Equal(config.Inputs.Select(p => (p.Name, p.Type)), doc.Interface.Inputs.Select(p => (p.Name, p.Type)));
        Assert.Equal(config.Outputs.Select(p => (p.Name, p.Type)), doc.Interface.Outputs.Select(p => (p.Name, p.Type)));
    }
}
