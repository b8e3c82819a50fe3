using System.Text;
using Loki.Core.Diagnostics;
using Loki.Core.Tests.Python;
using Loki.Tests;

namespace Loki.Cli.Tests.Python;

/// <summary>
/// <c>loki decompose</c> end to end on the shapes of <c>tests/python/fixtures/decompose/shapes.py</c> (copied into a
/// temp folder so generated headers name it by a stable relative path): the step folders, the composite script,
/// the equivalence check on generated inputs (real subprocesses, the real runtime), refusals and determinism.
/// </summary>
public sealed class DecomposeEndToEndTests
{
    private static string Fixture => RepoPaths.InRepo("tests", "python", "fixtures", "decompose", "shapes.py");

    /// <summary>
    /// A library root outside the repository: the fixture beside <c>nodes/</c> and nothing else, as a user has it; the
    /// build proves the composites' flows with the runtime the command line ships (python/loki_runtime beside it).
    /// </summary>
    internal static string NewRoot()
    {
        var root = PythonTestSupport.NewFolder("decompose");
        File.Copy(Fixture, Path.Combine(root, "shapes.py"));
        return root;
    }

    internal static Task<(int Exit, string Stdout, string Stderr)> DecomposeAsync(string root, string function, params string[] extra) =>
        CliRunner.RunAsync(["decompose", Path.Combine(root, "shapes.py") + ":" + function, "--into", Path.Combine(root, "nodes"), .. extra]);

    /// <summary>
    /// Every file under the library, path and bytes, in order (the determinism probe); with <paramref name="ownOnly"/>
    /// only what <c>loki decompose</c> itself writes (the golden text), not the layers the build grows from them.
    /// </summary>
    private static string Listing(string library, bool ownOnly = false)
    {
        var text = new StringBuilder();
        foreach (var file in Directory.EnumerateFiles(library, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (ownOnly && (name == "__init__.py" || name.EndsWith("_node.py", StringComparison.Ordinal) || name.EndsWith("_workflow.json", StringComparison.Ordinal)))
            {
                continue;
            }

            text.Append("=== ").Append(Path.GetRelativePath(library, file).Replace('\\', '/')).Append('\n');
            text.Append(File.ReadAllText(file));
        }

        return text.ToString();
    }

    [RuntimeFact]
    public async Task StraightLineCodeBecomesNamedStepsDeterministicallyAndAnAlteredStepFailsTheCheck()
    {
        var root = NewRoot();
        var library = Path.Combine(root, "nodes");
        var (exit, stdout, stderr) = await DecomposeAsync(root, "straight");
        Assert.True(exit == 0, stderr);
        Assert.Contains("equal to the original on 24 generated inputs", stdout, StringComparison.Ordinal);

        // Names come from the code: the paragraphs' comments and the values a step hands on.
        Assert.Equal(["straight", "straight_mix_results_together", "straight_square_doubled_value", "straight_total_doubled"],
            Directory.GetDirectories(library).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        // The build grew the composite's flow: one node per step, proven equal on the generated examples.
        var flow = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(library, "straight", "straight_workflow.json")))!;
        Assert.Equal(["LokiStraightTotalDoubled", "LokiStraightSquareDoubledValue", "LokiStraightMixResultsTogether"],
            flow["nodes"]!.AsArray().Select(n => n!["type"]!.GetValue<string>()).Where(t => t.StartsWith("LokiStraight", StringComparison.Ordinal)));
        Assert.DoesNotContain("LOKI6117", stderr, StringComparison.Ordinal);
        var first = Listing(library);
        Golden.AssertMatches(Listing(library, ownOnly: true), "Loki.Cli.Tests", "decompose/straight.txt");

        var again = await DecomposeAsync(root, "straight");
        Assert.True(again.Exit == 0, again.Stderr);
        Assert.Equal(first, Listing(library));

        // A step changed on purpose: the decomposition no longer equals the function.
        var code = Path.Combine(library, "straight_square_doubled_value", "src", "straight_square_doubled_value_code.py");
        File.WriteAllText(code, File.ReadAllText(code).Replace("squared - a", "squared - a - 1", StringComparison.Ordinal));
        var check = await DecomposeAsync(root, "straight", "--check");
        Assert.Equal(1, check.Exit);
        Assert.Contains(LokiCodes.DecomposeNotEquivalent, check.Stderr, StringComparison.Ordinal);
    }

    [RuntimeFact]
    public async Task LoopsAndBranchesStayInsideOneStepAndTheParentScriptRunsFromTheShell()
    {
        var root = NewRoot();
        var library = Path.Combine(root, "nodes");
        var (exit, _, stderr) = await DecomposeAsync(root, "loops_and_branches");
        Assert.True(exit == 0, stderr);

        var clipped = File.ReadAllText(Path.Combine(library, "loops_and_branches_clipped", "src", "loops_and_branches_clipped_code.py"));
        Assert.Contains("    for v in values:\n        if v > limit:\n            clipped.append(limit)\n        else:", clipped, StringComparison.Ordinal);
        Assert.Contains("    return clipped\n", clipped, StringComparison.Ordinal);

        // The step using the module's own helper imports it from a copy of the module under its src/.
        var summary = Directory.GetDirectories(library).Single(d => File.Exists(Path.Combine(d, "src", "shapes.py")));
        Assert.Contains("from shapes import spread_of", File.ReadAllText(Directory.GetFiles(Path.Combine(summary, "src"), "*_code.py").Single()), StringComparison.Ordinal);

        // The composite from the shell, running its step nodes, gives what the function gives.
        var script = Path.Combine(library, "loops_and_branches", "loops_and_branches.py");
        var run = PythonTestSupport.Run(RepoPaths.Python, [script, "--values", "[0.5, 2, 1, 3.5]", "--limit", "1.5", "--json", "--output", Path.Combine(root, "out")]);
        Assert.True(run.Exit == 0, run.Stderr);
        var expected = PythonTestSupport.RunPython(
            $"import json, sys\nsys.path.insert(0, {Literal(root)})\nimport shapes\nprint(json.dumps(dict(zip(['mean', 'deviation', 'width', 'ratio'], shapes.loops_and_branches([0.5, 2, 1, 3.5], 1.5)))))");
        Assert.True(expected.Exit == 0, expected.Stderr);
        Assert.Equal(Normalize(expected.Stdout), Normalize(run.Stdout));
    }

    [RuntimeFact]
    public async Task AnExternalCallIsAStepOfItsOwnWithItsRequirement()
    {
        var root = NewRoot();
        var library = Path.Combine(root, "nodes");
        var (exit, _, stderr) = await DecomposeAsync(root, "external");
        Assert.True(exit == 0, stderr);
        var step = Path.Combine(library, "external_asarray");
        Assert.Contains("numpy", File.ReadAllText(Path.Combine(step, "requirements.txt")), StringComparison.Ordinal);
        var body = File.ReadAllText(Path.Combine(step, "src", "external_asarray_code.py"));
        Assert.Contains("    arr = np.asarray(grid, dtype=np.float64)\n    return arr\n", body, StringComparison.Ordinal);
        Assert.DoesNotContain("offset", body.Split("def external_asarray")[1], StringComparison.Ordinal);
    }

    [RuntimeFact]
    public async Task ShapesThatCannotBeCutAreRefusedWithTheirCodeAndWriteNothing()
    {
        var root = NewRoot();
        foreach (var (function, code) in new[]
                 {
                     ("no_result", LokiCodes.DecomposeNoResult), ("early_return", LokiCodes.DecomposeEarlyReturn), ("global_write", LokiCodes.DecomposeGlobalWrite),
                     ("generator", LokiCodes.DecomposeGenerator), ("one_step", LokiCodes.DecomposeNothingToCut),
                 })
        {
            var (exit, _, stderr) = await DecomposeAsync(root, function);
            Assert.Equal(1, exit);
            Assert.Contains("shapes.py(", stderr, StringComparison.Ordinal);
            Assert.Contains(code, stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(root, "nodes")), function);
        }
    }

    [RuntimeFact]
    public async Task AHandWrittenNodeFolderIsNeverOverwritten()
    {
        var root = NewRoot();
        var mine = PythonTestSupport.Write(Path.Combine(root, "nodes"), ("straight_total_doubled/straight_total_doubled.py", "# mine\n"));
        var (exit, _, stderr) = await DecomposeAsync(root, "straight", "--no-check");
        Assert.Equal(1, exit);
        Assert.Contains(LokiCodes.DecomposeFolderTaken, stderr, StringComparison.Ordinal);
        Assert.Equal("# mine\n", File.ReadAllText(Path.Combine(mine, "straight_total_doubled", "straight_total_doubled.py")));
        Assert.Equal(["straight_total_doubled"], Directory.GetDirectories(mine).Select(Path.GetFileName));
    }

    private static string Normalize(string json) => System.Text.Json.Nodes.JsonNode.Parse(json)!.ToJsonString();

    private static string Literal(string s) => Loki.Core.Text.PythonLiteral.String(s);
}
