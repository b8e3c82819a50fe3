using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Python.Decomposition;
using Loki.Tests;

namespace Loki.Core.Tests.Python;

/// <summary>
/// A decomposed function's flows (<see cref="DecomposeRun"/>, then the build's growth) load in the real litegraph
/// client (<c>@comfyorg/litegraph</c> through <see cref="LitegraphCheck"/>): the composite's flow of its
/// steps and every step's own flow configure, their links join the slots they name, nothing overlaps.
/// </summary>
public sealed class DecomposedFlowLitegraphTests
{
    [NodeJsFact]
    public async Task TheFlowsOfADecomposedFunctionLoadInLitegraph()
    {
        var root = PythonTestSupport.NewFolder("decomposed-flows");
        File.Copy(RepoPaths.InRepo("tests", "python", "fixtures", "decompose", "shapes.py"), Path.Combine(root, "shapes.py"));
        Directory.CreateSymbolicLink(Path.Combine(root, "loki_runtime"), RepoPaths.InRepo("src", "python", "loki_runtime"));
        var library = Path.Combine(root, "nodes");
        var diagnostics = new DiagnosticBag();

        var outcome = await DecomposeRun.RunAsync(Path.Combine(root, "shapes.py"), "loops_and_branches", library, new DecomposeOptions(),
            RepoPaths.InRepo("src", "python"), force: false, grow: true, diagnostics);

        Assert.True(outcome?.Report is { Equal: true }, string.Join("\n", diagnostics.Items));
        Assert.DoesNotContain(diagnostics.Items, d => d.IsError || d.Code == LokiCodes.ComposeCheckFailed);
        var parent = JsonNode.Parse(File.ReadAllText(Path.Combine(library, "loops_and_branches", "loops_and_branches_workflow.json")))!;
        Assert.Equal(3, parent["nodes"]!.AsArray().Count(n => n!["type"]!.GetValue<string>().StartsWith("LokiLoopsAndBranches", StringComparison.Ordinal)));

        var files = Directory.GetFiles(library, "*_workflow.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(4, files.Count);
        LitegraphCheck.AssertLoad(files);
    }
}
