using System.Diagnostics;
using System.Text;
using Loki.Tests;

namespace Loki.Build.Tasks.Tests.EndToEnd;

/// <summary>
/// Runs real <c>dotnet build</c> processes on node libraries in temp folders. Every test shares the task assembly
/// built with this test project (no pack, no restore): the library project imports the targets from
/// <c>src/Loki.Build.Tasks/build</c> and points <c>LokiTasksAssembly</c> at the copy beside the tests.
/// </summary>
internal static class DotnetBuild
{
    /// <summary>The task assembly built with this test project.</summary>
    public static string TasksAssembly => Path.Combine(AppContext.BaseDirectory, "Loki.Build.Tasks.dll");

    /// <summary>The package's build folder in the repository.</summary>
    public static string BuildFolder => RepoPaths.InRepo("src", "Loki.Build.Tasks", "build");

    /// <summary>Writes the smallest project that builds a node library (no SDK, so no restore) and returns its path.</summary>
    public static string WriteLibraryProject(string root)
    {
        var path = Path.Combine(root, "library.proj");
        File.WriteAllText(path, $"""
            <Project>
              <Import Project="{BuildFolder}/Loki.Build.props" />
              <Target Name="Build" DependsOnTargets="LokiBuild" />
              <Import Project="{BuildFolder}/Loki.Build.targets" />
            </Project>
            """);
        return path;
    }

    /// <summary>Starts <c>dotnet build</c> (or another verb) on <paramref name="project"/>; output is collected into <paramref name="output"/>.</summary>
    public static Process Start(string project, StringBuilder output, string verb = "build", params string[] extra)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(project)!,
        };
        foreach (var arg in new[] { verb, project, "-nodeReuse:false", "-v:n", "-tl:off", $"-p:LokiTasksAssembly={TasksAssembly}" }.Concat(extra))
        {
            psi.ArgumentList.Add(arg);
        }

        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment.Remove("LOKI_ARTIFACTS");
        var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Runs a build to the end and returns its exit code and log.</summary>
    public static (int ExitCode, string Log) Run(string project, params string[] extra) => RunVerb(project, "build", [.. extra, "--no-restore"]);

    /// <summary>Runs any dotnet verb on the project to the end.</summary>
    public static (int ExitCode, string Log) RunVerb(string project, string verb, params string[] extra)
    {
        var output = new StringBuilder();
        using var process = Start(project, output, verb, extra);
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {verb} did not finish:\n{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
