using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Tests.Python;
using Loki.Tests;

namespace Loki.Cli.Tests.Python;

/// <summary>
/// The flows <c>loki decompose</c> grows for the function it cuts (docs/decomposition.md): a short body is cut by
/// default, a flow whose interface renames an input (<c>N</c> → <c>n</c>) is still proven and written.
/// </summary>
public sealed class DecomposeFlowsTests
{
    /// <summary>The class types of the step nodes in <paramref name="function"/>'s flow (markers and savers left out).</summary>
    internal static string[] FlowSteps(string library, string function)
    {
        var flow = JsonNode.Parse(File.ReadAllText(Path.Combine(library, function, function + "_workflow.json")))!;
        var prefix = "Loki" + string.Concat(function.Split('_').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
        return flow["nodes"]!.AsArray().Select(n => n!["type"]!.GetValue<string>())
            .Where(t => t.StartsWith(prefix, StringComparison.Ordinal) && t != prefix).ToArray();
    }

    [RuntimeFact]
    public async Task AShortBodyIsCutByDefaultAndItsFlowTakesTheCapitalisedInputUnderItsFlowName()
    {
        var root = DecomposeEndToEndTests.NewRoot();
        var library = Path.Combine(root, "nodes");

        // Asked for steps of three lines, four statements are one step: refused, as asked.
        var strict = await DecomposeEndToEndTests.DecomposeAsync(root, "small", "--min-lines", "3");
        Assert.Equal(1, strict.Exit);
        Assert.Contains(LokiCodes.DecomposeNothingToCut, strict.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(library));

        // By default the step size shrinks until the body cuts.
        var (exit, stdout, stderr) = await DecomposeEndToEndTests.DecomposeAsync(root, "small");
        Assert.True(exit == 0, stderr);
        Assert.Contains("steps of 2 lines at least", stdout, StringComparison.Ordinal);
        Assert.Equal(["small", "small_result", "small_shifted"], Directory.GetDirectories(library).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        // The flow's interface names the input `n`; the proof calls it so, and the flow of both steps is kept.
        Assert.DoesNotContain("LOKI611", stderr, StringComparison.Ordinal);
        Assert.Equal(["LokiSmallShifted", "LokiSmallResult"], FlowSteps(library, "small"));

        // The parent script from the shell: in memory, and as its flow on the LOKI executor (--backend loki), whose
        // step nodes it finds in its own library folder (outside any repository); both give what the function gives.
        var expected = PythonTestSupport.RunPython(
            $"import json, sys\nsys.path.insert(0, {Loki.Core.Text.PythonLiteral.String(root)})\nimport shapes\nprint(json.dumps({{'value': shapes.small(7, 1.25)}}))");
        Assert.True(expected.Exit == 0, expected.Stderr);
        var script = Path.Combine(library, "small", "small.py");
        foreach (var backend in new[] { Array.Empty<string>(), ["--backend", "loki"] })
        {
            var run = PythonTestSupport.Run(RepoPaths.Python, [script, "--N", "7", "--scale", "1.25", "--json", "--output", Path.Combine(root, "out"), .. backend]);
            Assert.True(run.Exit == 0, run.Stderr);
            Assert.Equal(expected.Stdout.Trim(), run.Stdout.Trim());
        }

        // That the flow really ran on the executor: the step's node class (its ComfyUI face, which the executor runs
        // and the in-memory call does not) made to fail fails the --backend loki run only.
        var node = Path.Combine(library, "small_result", "small_result_node.py");
        File.WriteAllText(node, File.ReadAllText(node).Replace("return comfy_adapter.call(_script.run, inputs)", "raise RuntimeError('the node class of small_result ran')", StringComparison.Ordinal));
        var inMemory = PythonTestSupport.Run(RepoPaths.Python, [script, "--N", "7", "--scale", "1.25", "--json", "--output", Path.Combine(root, "out")]);
        Assert.True(inMemory.Exit == 0, inMemory.Stderr);
        var broken = PythonTestSupport.Run(RepoPaths.Python, [script, "--N", "7", "--scale", "1.25", "--json", "--output", Path.Combine(root, "out"), "--backend", "loki"]);
        Assert.NotEqual(0, broken.Exit);
        Assert.Contains("the node class of small_result ran", broken.Stderr, StringComparison.Ordinal);
    }

    [RuntimeFact]
    public async Task ACallIntoTheModulesOwnFunctionBecomesThatFunctionsCompositeWithItsOwnFlow()
    {
        var root = DecomposeEndToEndTests.NewRoot();
        var library = Path.Combine(root, "nodes");
        var (exit, stdout, stderr) = await DecomposeEndToEndTests.DecomposeAsync(root, "report");
        Assert.True(exit == 0, stderr);
        Assert.Contains("report_normalise (composite)", stdout, StringComparison.Ordinal);
        Assert.Contains("its flow too, on the LOKI executor", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("LOKI611", stderr, StringComparison.Ordinal);

        // The function's flow calls the helper's composite, whose own flow is the helper's steps.
        Assert.Equal(["LokiReportCleanedCount", "LokiReportNormalise", "LokiReportResult"], FlowSteps(library, "report"));
        Assert.Equal(["LokiReportNormaliseShifted", "LokiReportNormaliseScaleThem"], FlowSteps(library, "report_normalise"));
        var parent = File.ReadAllText(Path.Combine(library, "report", "report.py"));
        Assert.Contains("normal = report_normalise(values=cleaned, scale=scale)[\"scaled\"]", parent, StringComparison.Ordinal);

        // From the shell, as its flow on the LOKI executor: what the function gives.
        var expected = PythonTestSupport.RunPython(
            $"import json, sys\nsys.path.insert(0, {Loki.Core.Text.PythonLiteral.String(root)})\nimport shapes\nprint(json.dumps({{'text': shapes.report([3, 1.5, float('nan'), 7], 4.0)}}))");
        Assert.True(expected.Exit == 0, expected.Stderr);
        var run = PythonTestSupport.Run(RepoPaths.Python,
            [Path.Combine(library, "report", "report.py"), "--values", "[3, 1.5, NaN, 7]", "--scale", "4", "--json", "--output", Path.Combine(root, "out"), "--backend", "loki"]);
        Assert.True(run.Exit == 0, run.Stderr);
        Assert.Equal(expected.Stdout.Trim(), run.Stdout.Trim());

        // --depth 1: the helper is not recursed into. The library folder need not be called nodes/: the flows of a
        // library of another name are grown and proven all the same.
        var shallow = DecomposeEndToEndTests.NewRoot();
        var mine = Path.Combine(shallow, "mylib");
        var once = await CliRunner.RunAsync(["decompose", Path.Combine(shallow, "shapes.py") + ":report", "--into", mine, "--depth", "1"]);
        Assert.True(once.Exit == 0, once.Stderr);
        Assert.DoesNotContain("LOKI61", once.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(mine, "report_normalise")));
        Assert.Equal(["LokiReportCountNormal", "LokiReportResult"], FlowSteps(mine, "report"));
    }
}
