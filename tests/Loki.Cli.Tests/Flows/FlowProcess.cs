using System.Diagnostics;
using Loki.Tests;

namespace Loki.Cli.Tests.Flows;

/// <summary>Runs the real Python (<c>/usr/bin/python3</c>) on generated flow scripts with the repo's runtime and library.</summary>
internal static class FlowProcess
{
    public static (int Code, string Output) Python(string workingDirectory, string extraLibrary, params string[] args)
    {
        var psi = new ProcessStartInfo(RepoPaths.Python) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["PYTHONPATH"] = RepoPaths.InRepo("src", "python");
        psi.Environment["LOKI_LIBRARY"] = RepoPaths.Root + Path.PathSeparator + extraLibrary;
        psi.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(180_000))
        {
            p.Kill(entireProcessTree: true);
            return (-1, "timed out");
        }

        return (p.ExitCode, stdout.Result + stderr.Result);
    }
}
