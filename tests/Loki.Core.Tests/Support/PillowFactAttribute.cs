using System.Diagnostics;
using Loki.Tests;

namespace Loki.Core.Tests.Support;

/// <summary>A fact that skips, saying why, when the test Python (<see cref="RepoPaths.Python"/>) cannot import Pillow.</summary>
internal sealed class PillowFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Missing = new(Probe);

    public PillowFactAttribute()
    {
        if (Missing.Value is { } why)
        {
            Skip = why;
        }
    }

    /// <summary>Runs <paramref name="script"/> with the test Python; returns stdout, fails the test on a non-zero exit.</summary>
    public static string RunPython(string script, string workingDirectory)
    {
        var psi = new ProcessStartInfo(RepoPaths.Python) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script);
        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"python failed: {stderr}");
        return stdout.Result;
    }

    private static string? Probe()
    {
        try
        {
            var psi = new ProcessStartInfo(RepoPaths.Python, "-c \"import PIL\"") { RedirectStandardError = true, RedirectStandardOutput = true };
            using var p = Process.Start(psi)!;
            p.WaitForExit(30_000);
            return p.ExitCode == 0 ? null : $"{RepoPaths.Python} cannot import PIL (Pillow)";
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return $"{RepoPaths.Python} is not available: {ex.Message}";
        }
    }
}
