using System.Diagnostics;

using Loki.Tests;

namespace Loki.Core.Tests.Flows;

/// <summary>Parses generated Python with the real interpreter (<c>ast.parse</c>), the check a reader's Python would make.</summary>
internal static class PythonCheck
{
    public static void AssertParses(string source)
    {
        var file = Path.Combine(Path.GetTempPath(), "loki-flow-" + Guid.NewGuid().ToString("N") + ".py");
        File.WriteAllText(file, source);
        try
        {
            var (code, output) = Run(RepoPaths.Python, "-c", "import ast, sys; ast.parse(open(sys.argv[1], encoding='utf-8').read(), sys.argv[1])", file);
            Assert.True(code == 0, "generated Python does not parse:\n" + output + "\n" + source);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Parses many sources in one interpreter run (one process, not one per script).</summary>
    public static void AssertParsesAll(IReadOnlyList<string> sources)
    {
        var dir = Path.Combine(Path.GetTempPath(), "loki-flows-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            for (var i = 0; i < sources.Count; i++)
            {
                File.WriteAllText(Path.Combine(dir, $"s{i:D4}.py"), sources[i]);
            }

            var (code, output) = Run(RepoPaths.Python, "-c", "import ast, glob, sys\nfor f in sorted(glob.glob(sys.argv[1] + '/*.py')): ast.parse(open(f, encoding='utf-8').read(), f)", dir);
            Assert.True(code == 0, "generated Python does not parse:\n" + output);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    public static (int Code, string Output) Run(string exe, params string[] args) => RunIn(null, null, exe, args);

    public static (int Code, string Output) RunIn(string? workingDirectory, IDictionary<string, string>? env, string exe, params string[] args)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null)
        {
            psi.WorkingDirectory = workingDirectory;
        }

        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            psi.Environment[k] = v;
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000))
        {
            p.Kill(entireProcessTree: true);
            return (-1, "timed out");
        }

        return (p.ExitCode, stdout.Result + stderr.Result);
    }
}
