using Loki.Core.Tests.Python;
using Loki.Tests;

namespace Loki.Cli.Tests.Python;

/// <summary><c>loki wrap</c> of PIL functions (called per batch image) and of code inside a whole repository.</summary>
public sealed class WrapSourcesTests
{
    private static string Literal(string s) => Loki.Core.Text.PythonLiteral.String(s);

    [RuntimeFact]
    public async Task APilFunctionIsCalledPerBatchImage()
    {
        var root = PythonTestSupport.Write(PythonTestSupport.NewFolder("pil"), ("ext/pil_ops.py", """
            from PIL import Image, ImageOps


            def invert(picture: Image.Image, keep: bool = False) -> Image.Image:
                '''Inverts a picture with Pillow.'''
                return picture if keep else ImageOps.invert(picture.convert("RGB"))
            """));
        var node = Path.Combine(root, "lib", "nodes", "pil_invert");
        var (exit, _, stderr) = await CliRunner.RunAsync("wrap", Path.Combine(root, "ext", "pil_ops.py") + ":invert", "--into", node);
        Assert.True(exit == 0, stderr);
        Assert.Contains("pil_bridge.call(per_image, {\"picture\": picture})", File.ReadAllText(Path.Combine(node, "pil_invert.py")), StringComparison.Ordinal);
        Assert.Contains("Pillow", File.ReadAllText(Path.Combine(node, "requirements.txt")), StringComparison.Ordinal);

        var check = PythonTestSupport.RunPython($$"""
            import importlib.util, numpy as np
            spec = importlib.util.spec_from_file_location("pil_invert_script", {{Literal(Path.Combine(node, "pil_invert.py"))}})
            m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
            batch = np.stack([np.full((3, 4, 3), 0.2, np.float32), np.full((3, 4, 3), 1.0, np.float32)])
            out = m.run(picture=batch)["image"]
            print(out.shape, np.allclose(out[0], 1 - 51 / 255), np.allclose(out[1], 0.0))
            """);
        Assert.True(check.Exit == 0, check.Stderr);
        Assert.Equal("(2, 3, 4, 3) True True", check.Stdout.Trim());
    }

    [RuntimeFact]
    public async Task AWholeRepositoryIsKeptUnderSrc()
    {
        var root = PythonTestSupport.Write(PythonTestSupport.NewFolder("repo"),
            ("thirdparty/README.md", "A repository.\n"),
            ("thirdparty/.git/config", "[core]\n"),
            ("thirdparty/tools/__init__.py", ""),
            ("thirdparty/tools/scale.py", "from .util import factor_of\n\n\ndef scale(x: float = 1.0, kind: str = \"double\") -> float:\n    '''Scales a number.'''\n    return x * factor_of(kind)\n"),
            ("thirdparty/tools/util.py", "import math\n\n\ndef factor_of(kind):\n    return {\"double\": 2.0, \"half\": 0.5}[kind]\n"));
        var node = Path.Combine(root, "lib", "nodes", "scale_number");
        var (exit, _, stderr) = await CliRunner.RunAsync("wrap", Path.Combine(root, "thirdparty", "tools", "scale.py") + ":scale", "--into", node, "--repo", Path.Combine(root, "thirdparty"));
        Assert.True(exit == 0, stderr);
        Assert.True(File.Exists(Path.Combine(node, "src", "thirdparty", "README.md")));
        Assert.True(File.Exists(Path.Combine(node, "src", "thirdparty", "tools", "util.py")));
        Assert.False(Directory.Exists(Path.Combine(node, "src", "thirdparty", ".git")));
        var script = File.ReadAllText(Path.Combine(node, "scale_number.py"));
        Assert.Contains("from tools.scale import scale", script, StringComparison.Ordinal);
        Assert.Contains("\"src\" / \"thirdparty\"", script, StringComparison.Ordinal);

        var run = PythonTestSupport.Run(RepoPaths.Python, [Path.Combine(node, "scale_number.py"), "--x", "3", "--kind", "half", "--json", "--output", Path.Combine(root, "out")]);
        Assert.True(run.Exit == 0, run.Stderr);
        Assert.Contains("1.5", run.Stdout, StringComparison.Ordinal);
    }
}
