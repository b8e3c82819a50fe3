using Loki.Core.Composition;
using Loki.Core.Config;
using Loki.Core.Diagnostics;
using Loki.Core.Regeneration;
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
    public static TheoryData<string> Composites()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(RepoPaths.InRepo("nodes")).Order(StringComparer.Ordinal))
        {
            var script = Path.Combine(dir, Path.GetFileName(dir) + ".py");
            if (File.Exists(script) && File.ReadAllText(script).Contains("compose.node(", StringComparison.Ordinal))
            {
                data.Add(Path.GetFileName(dir));
            }
        }

        return data;
    }

    [Fact]
    public void TheLibraryHasAtLeastSixComposites() => Assert.True(Composites().Count >= 6, $"{Composites().Count} composites");

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
}
