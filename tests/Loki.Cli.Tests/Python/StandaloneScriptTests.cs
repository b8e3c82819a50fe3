using System.Diagnostics;
using System.IO.Compression;
using Loki.Core.Diagnostics;
using Loki.Core.Python.Standalone;
using Loki.Core.Tests.Python;
using Loki.Tests;

namespace Loki.Cli.Tests.Python;

/// <summary>
/// Issue 9 item 1: a LOKI Script runs wherever it is written. Scripts are generated into temp folders outside the
/// repository and run by <c>/usr/bin/python3</c> with no PYTHONPATH or LOKI_LIBRARY from the tests: (a) in a fresh
/// venv holding only the loki-runtime wheel, (b) written with <c>--standalone</c> and moved elsewhere as a zip,
/// (c) with neither: one coded line, exit 2.
/// </summary>
public sealed class StandaloneScriptTests
{
    private const string Filters = """
        '''Image filters kept outside any library.'''
        import numpy as np


        def darken(image: np.ndarray, amount: float = 0.25) -> np.ndarray:
            '''Darkens an image batch.'''
            return np.clip(image - amount, 0.0, 1.0)
        """;

    private static string PhotoFinish => RepoPaths.InRepo("nodes", "photo_finish", "photo_finish_workflow.json");

    /// <summary>A flow of library nodes (photo_finish) and a wrapped function, written to <paramref name="folder"/>.</summary>
    private static async Task<(string Flow, string Wrapped, string Image)> GenerateAsync(string folder, params string[] extra)
    {
        var module = Path.Combine(PythonTestSupport.NewFolder("standalone-src"), "filters.py");
        File.WriteAllText(module, Filters);
        var flow = Path.Combine(folder, "flow", "photo_finish.py");
        var convert = await CliRun.InProcessAsync(["convert", PhotoFinish, "--to", "script", "-o", flow, .. extra]);
        Assert.True(convert.ExitCode == 0, convert.Stderr);
        var wrapped = Path.Combine(folder, "darken");
        var wrap = await CliRun.InProcessAsync(["wrap", module + ":darken", "--into", wrapped, .. extra]);
        Assert.True(wrap.ExitCode == 0, wrap.Stderr);
        var image = Path.Combine(folder, "in.png");
        var (e, _, err) = PythonTestSupport.RunPython($"import numpy as np\nfrom PIL import Image\nImage.fromarray((np.random.default_rng(3).random((12, 10, 3)) * 255).astype('uint8')).save({Loki.Core.Text.PythonLiteral.String(image)})");
        Assert.True(e == 0, err);
        return (flow, Path.Combine(wrapped, "darken.py"), image);
    }

    /// <summary>Runs a process with nothing of the repository in its environment, from a folder outside it.</summary>
    private static (int Exit, string Stdout, string Stderr) Run(string python, string cwd, IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        var psi = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = cwd };
        args.ToList().ForEach(psi.ArgumentList.Add);
        foreach (var name in new[] { "PYTHONPATH", "LOKI_LIBRARY", "COMFYUI_PATH", "LOKI_BACKEND", "PYTHONHOME" })
        {
            psi.Environment.Remove(name);
        }

        psi.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            psi.Environment[k] = v;
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(300_000))
        {
            p.Kill(entireProcessTree: true);
            return (-1, stdout.Result, "timed out: " + stderr.Result);
        }

        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary><c>--help</c> and a real run of both scripts, checked by the files they write.</summary>
    private static void AssertBothRun(string python, string flow, string wrapped, string image, IReadOnlyDictionary<string, string>? env = null)
    {
        var cwd = Path.GetDirectoryName(image)!;
        foreach (var (script, flag) in new[] { (flow, "--caption"), (wrapped, "--amount") })
        {
            var help = Run(python, cwd, env, script, "--help");
            Assert.True(help.Exit == 0, help.Stderr);
            Assert.Contains(flag, help.Stdout, StringComparison.Ordinal);
        }

        var outFlow = Path.Combine(cwd, "out-flow-" + Guid.NewGuid().ToString("N")[..6]);
        var ran = Run(python, cwd, env, flow, "--image", image, "--caption", "hello", "--json", "--output", outFlow);
        Assert.True(ran.Exit == 0, ran.Stderr);
        Assert.True(File.Exists(Path.Combine(outFlow, "image.png")), ran.Stdout);

        var outWrapped = Path.Combine(cwd, "out-wrapped-" + Guid.NewGuid().ToString("N")[..6]);
        ran = Run(python, cwd, env, wrapped, "--image", image, "--amount", "0.5", "--json", "--output", outWrapped);
        Assert.True(ran.Exit == 0, ran.Stderr);
        var check = Run(python, cwd, null, "-c", $"import numpy as np\nfrom PIL import Image\na = np.asarray(Image.open({Py(image)}), dtype=np.int32)\nb = np.asarray(Image.open({Py(Path.Combine(outWrapped, "image.png"))}), dtype=np.int32)\nprint(b.shape, int(np.abs(np.clip(a - 127.5, 0, 255) - b).max()) <= 1)");
        Assert.True(check.Exit == 0, check.Stderr);
        Assert.Equal("(12, 10, 3) True", check.Stdout.Trim());
    }

    private static string Py(string s) => Loki.Core.Text.PythonLiteral.String(s);

    [RuntimeFact]
    public async Task StandaloneScriptsRunFromAZipUnpackedElsewhere()
    {
        var written = PythonTestSupport.NewFolder("standalone");
        var (flow, wrapped, image) = await GenerateAsync(written, "--standalone");
        Assert.True(File.Exists(Path.Combine(written, "flow", "loki_runtime", "__init__.py")));
        Assert.True(File.Exists(Path.Combine(written, "darken", "loki_runtime", StandaloneCopier.MarkerName)));
        // The flow's LOKI nodes, and nothing else of the library, travel with it.
        Assert.Equal(["image_levels", "image_sharpen", "text_overlay"], Directory.GetDirectories(Path.Combine(written, "flow", "nodes")).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        var zip = Path.Combine(PythonTestSupport.NewFolder("zip"), "scripts.zip");
        ZipFile.CreateFromDirectory(written, zip);
        var elsewhere = PythonTestSupport.NewFolder("unzipped");
        ZipFile.ExtractToDirectory(zip, elsewhere);
        AssertBothRun(RepoPaths.Python, Path.Combine(elsewhere, "flow", "photo_finish.py"), Path.Combine(elsewhere, "darken", "darken.py"), Path.Combine(elsewhere, "in.png"));
    }

    [RuntimeFact]
    public async Task WithoutARuntimeAScriptPrintsOneCodedLineAndExits2()
    {
        var folder = PythonTestSupport.NewFolder("bare");
        var (flow, wrapped, image) = await GenerateAsync(folder);
        Assert.False(Directory.Exists(Path.Combine(folder, "flow", "loki_runtime")));
        foreach (var args in new[] { new[] { flow, "--help" }, [flow, "--image", image], [wrapped, "--help"], [wrapped, "--image", image] })
        {
            var (exit, stdout, stderr) = Run(RepoPaths.Python, folder, null, args);
            Assert.Equal(2, exit);
            Assert.Equal(string.Empty, stdout);
            var lines = stderr.TrimEnd('\n').Split('\n');
            Assert.Single(lines);
            Assert.Contains("error " + LokiCodes.ScriptRuntimeMissing + ":", lines[0], StringComparison.Ordinal);
            Assert.StartsWith(args[0], lines[0], StringComparison.Ordinal);
            Assert.Contains("pip install", lines[0], StringComparison.Ordinal);
            Assert.Contains("--standalone", lines[0], StringComparison.Ordinal);
        }
    }

    [RuntimeFact]
    public async Task ScriptsRunInAFreshVenvWithOnlyTheWheelInstalled()
    {
        var folder = PythonTestSupport.NewFolder("venv");
        var wheel = BuildWheel(folder);
        var venv = Path.Combine(folder, "venv");
        var made = Run("/usr/bin/python3", folder, null, "-m", "venv", "--system-site-packages", venv);
        Assert.True(made.Exit == 0, made.Stderr);
        var python = Path.Combine(venv, "bin", "python");
        var install = Run(python, folder, null, "-m", "pip", "install", "--no-index", "--no-deps", wheel);
        Assert.True(install.Exit == 0, install.Stdout + install.Stderr);
        var where = Run(python, folder, null, "-c", "import loki_runtime; print(loki_runtime.__file__)");
        Assert.StartsWith(venv, where.Stdout.Trim(), StringComparison.Ordinal);

        var (flow, wrapped, image) = await GenerateAsync(folder);
        // The runtime comes from the wheel; the flow's LOKI nodes from a library the user names.
        AssertBothRun(python, flow, wrapped, image, new Dictionary<string, string> { ["LOKI_LIBRARY"] = RepoPaths.Root });
    }

    /// <summary>The wheel as the main job builds it: pip wheel, no index, no build isolation, from a clean copy.</summary>
    private static string BuildWheel(string folder)
    {
        var staging = Path.Combine(folder, "src");
        Directory.CreateDirectory(staging);
        foreach (var name in new[] { "pyproject.toml", "README.md" })
        {
            File.Copy(RepoPaths.InRepo("src", "python", name), Path.Combine(staging, name));
        }

        var runtime = RepoPaths.InRepo("src", "python", "loki_runtime");
        foreach (var file in Directory.EnumerateFiles(runtime, "*.py", SearchOption.AllDirectories))
        {
            var target = Path.Combine(staging, "loki_runtime", Path.GetRelativePath(runtime, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var dist = Path.Combine(folder, "dist");
        var built = Run("/usr/bin/python3", folder, null, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "--wheel-dir", dist, staging);
        Assert.True(built.Exit == 0, built.Stdout + built.Stderr);
        return Assert.Single(Directory.GetFiles(dist, "loki_runtime-*-py3-none-any.whl"));
    }

    [Fact]
    public async Task StandaloneRefreshesItsOwnCopyAndLeavesAForeignFolderAlone()
    {
        using var temp = new TempDir();
        var script = temp.File("flow.py");
        var first = await CliRun.InProcessAsync("convert", PhotoFinish, "--to", "script", "-o", script, "--standalone");
        Assert.True(first.ExitCode == 0, first.Stderr);
        var stale = Path.Combine(temp.Path, "loki_runtime", "gone.py");
        File.WriteAllText(stale, "");
        var again = await CliRun.InProcessAsync("convert", PhotoFinish, "--to", "script", "-o", script, "--standalone");
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.False(File.Exists(stale));

        using var other = new TempDir();
        var mine = Path.Combine(other.Path, "loki_runtime", "mine.py");
        Directory.CreateDirectory(Path.GetDirectoryName(mine)!);
        File.WriteAllText(mine, "x = 1\n");
        var refused = await CliRun.InProcessAsync("convert", PhotoFinish, "--to", "script", "-o", other.File("flow.py"), "--standalone");
        refused.AssertError(LokiCodes.StandaloneForeignFolder, 1, Path.Combine(other.Path, "loki_runtime"));
        Assert.Equal(["mine.py"], Directory.GetFiles(Path.GetDirectoryName(mine)!).Select(Path.GetFileName));
        Assert.False(File.Exists(other.File("flow.py")));
        var module = other.Write("filters.py", Filters);
        var into = other.File("darken");
        Directory.CreateDirectory(Path.Combine(into, "loki_runtime"));
        File.WriteAllText(Path.Combine(into, "loki_runtime", "mine.py"), "x = 1\n");
        var wrapRefused = await CliRun.InProcessAsync("wrap", module + ":darken", "--into", into, "--standalone");
        wrapRefused.AssertError(LokiCodes.StandaloneForeignFolder, 1, Path.Combine(into, "loki_runtime"));
        Assert.False(File.Exists(Path.Combine(into, "darken.py")));

        var noOutput = await CliRun.InProcessAsync("convert", PhotoFinish, "--to", "script", "--standalone");
        noOutput.AssertError(LokiCodes.BadUsage, 2);
    }
}
