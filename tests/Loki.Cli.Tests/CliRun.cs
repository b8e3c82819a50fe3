using System.Diagnostics;

namespace Loki.Cli.Tests;

/// <summary>The outcome of one <c>loki</c> run.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The <c>LOKI####</c> codes on stderr, in order.</summary>
    public IReadOnlyList<string> Codes => System.Text.RegularExpressions.Regex.Matches(Stderr, @"\b(?:error|warning|info) (LOKI\d{4})\b").Select(m => m.Groups[1].Value).ToList();

    /// <summary>Asserts the run stopped on <paramref name="code"/> with <paramref name="exit"/>, naming the file, without a stack trace.</summary>
    public void AssertError(string code, int exit, string? file = null)
    {
        Assert.True(ExitCode == exit, $"exit {ExitCode}, expected {exit}; stderr: {Stderr}");
        Assert.Contains(code, Codes);
        Assert.DoesNotContain("   at ", Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", Stderr, StringComparison.Ordinal);
        if (file is not null)
        {
            Assert.Contains(file, Stderr, StringComparison.Ordinal);
        }
    }
}

/// <summary>Runs the CLI in process (<see cref="CliApp.RunAsync"/>) or as a real process.</summary>
internal static class CliRun
{
    public static async Task<CliResult> InProcessAsync(params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var code = await CliApp.RunAsync(args, stdout, stderr);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs <c>dotnet loki.dll</c> (the build output beside the tests) as a separate process.</summary>
    public static async Task<CliResult> ProcessAsync(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "loki.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing from the test output");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
