using Loki.Core.Tests.Python;
using Loki.Tests;

namespace Loki.Cli.Tests.Python;

/// <summary>
/// <c>loki decompose</c> on functions of real public packages, read at test time from the packages the test Python
/// has installed (Debian's python3-numpy and python3-scipy; nothing of theirs is copied into the repository): each
/// is cut into steps and proven equal to the original on generated inputs (docs/decomposition.md).
/// </summary>
public sealed class DecomposeRealPackagesTests
{
    /// <summary>The source file of <paramref name="function"/> (a dotted path importable by the test Python).</summary>
    private static string SourceOf(string module, string function)
    {
        var (exit, stdout, stderr) = PythonTestSupport.RunPython(
            $"import importlib, inspect\nf = getattr(importlib.import_module('{module}'), '{function}')\nprint(inspect.getsourcefile(inspect.unwrap(f)))");
        Assert.True(exit == 0, stderr);
        return stdout.Trim();
    }

    private static async Task<string[]> DecomposeAsync(string module, string function, params string[] expectedSteps)
    {
        var root = PythonTestSupport.NewFolder("decompose-real");
        Directory.CreateSymbolicLink(Path.Combine(root, "loki_runtime"), RepoPaths.InRepo("src", "python", "loki_runtime"));
        var library = Path.Combine(root, "nodes");
        var (exit, stdout, stderr) = await CliRunner.RunAsync(["decompose", SourceOf(module, function) + ":" + function, "--into", library]);
        Assert.True(exit == 0, stderr);
        Assert.Contains("equal to the original on 24 generated inputs", stdout, StringComparison.Ordinal);
        Assert.Contains("its flow too, on the LOKI executor", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(library, function, function + "_workflow.json")));

        // The function's flow is the flow of its steps, proven equal (not the one-node flow a refusal leaves).
        Assert.DoesNotContain("LOKI611", stderr, StringComparison.Ordinal);
        Assert.True(DecomposeFlowsTests.FlowSteps(library, function).Length >= 2, string.Join(", ", DecomposeFlowsTests.FlowSteps(library, function)));
        var folders = Directory.GetDirectories(library).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expectedSteps.Append(function).Order(StringComparer.Ordinal), folders);
        return folders;
    }

    [RuntimeFact]
    public async Task NumpyBaseReprIsCutIntoItsDigitTableAndACompositeThatIsCutAgain()
    {
        await DecomposeAsync("numpy", "base_repr", "base_repr_digits", "base_repr_result", "base_repr_res", "base_repr_append");
    }

    [RuntimeFact]
    public async Task ScipyRickerKeepsNumpysExpAsAStepOfItsOwn()
    {
        await DecomposeAsync("scipy.signal", "ricker", "ricker_a_wsq", "ricker_exp", "ricker_total");
    }

    [RuntimeFact]
    public async Task ScipyButtapIsNamedFromItsCodeAndComments()
    {
        await DecomposeAsync("scipy.signal", "buttap", "buttap_z", "buttap_arange", "buttap_middle_value_ensure");
    }
}
