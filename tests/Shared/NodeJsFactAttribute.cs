using System.Diagnostics;

namespace Loki.Tests;

/// <summary>
/// A fact that needs Node.js and npm (for the real litegraph client in <c>tests/js</c>): it skips, saying why, when
/// either is missing, and installs <c>tests/js</c>'s locked packages with <c>npm ci</c> when they are absent.
/// </summary>
internal sealed class NodeJsFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Missing = new(() => Find("node") is null ? "node is not on PATH" : Find("npm") is null ? "npm is not on PATH" : null);
    private static readonly object InstallLock = new();

    public NodeJsFactAttribute()
    {
        if (Missing.Value is { } why)
        {
            Skip = why + "; the litegraph check needs Node.js and npm";
        }
    }

    /// <summary>The <c>tests/js</c> folder.</summary>
    public static string Folder => RepoPaths.InRepo("tests", "js");

    /// <summary>Runs <c>npm ci</c> in <see cref="Folder"/> unless the locked litegraph package is already there.</summary>
    public static void EnsureInstalled()
    {
        lock (InstallLock)
        {
            if (File.Exists(Path.Combine(Folder, "node_modules", "@comfyorg", "litegraph", "package.json")))
            {
                return;
            }

            var (code, output) = Run(Find("npm")!, ["ci", "--no-audit", "--no-fund"], Folder, TimeSpan.FromMinutes(5));
            Assert.True(code == 0, "npm ci in tests/js failed: " + output);
        }
    }

    /// <summary>Runs <paramref name="file"/> and returns its exit code and its output (stdout then stderr).</summary>
    public static (int Code, string Output) Run(string file, IEnumerable<string> args, string workingDirectory, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            return (-1, "timed out");
        }

        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>The full path of <paramref name="tool"/> on PATH, or null.</summary>
    public static string? Find(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);
}
