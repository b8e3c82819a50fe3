using System.Diagnostics;
using Loki.Core.Python.Environment;
using Loki.Tests;

namespace Loki.Core.Tests.Python;

/// <summary>Temp folders, the test interpreter and subprocesses for the Python emitter tests.</summary>
internal static class PythonTestSupport
{
    private static readonly Lazy<string?> RuntimeMissing = new(() => Probe("import numpy, PIL, torch"));

    /// <summary>The interpreter the tests use (<see cref="RepoPaths.Python"/>).</summary>
    public static PythonInterpreter Python => new(RepoPaths.Python, new Version(3, 10));

    /// <summary>Why runtime tests must skip (no numpy/Pillow/torch), or null.</summary>
    public static string? WhyNoRuntime => RuntimeMissing.Value;

    private static readonly Lazy<string> Root = new(() =>
    {
        // One folder per test process, removed when the process ends.
        var root = Path.Combine(Path.GetTempPath(), "loki-pyemit-tests", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        RemoveFoldersOfEndedProcesses(Path.GetDirectoryName(root)!);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        };
        return root;
    });

    private static void RemoveFoldersOfEndedProcesses(string parent)
    {
        if (!Directory.Exists(parent))
        {
            return;
        }

        foreach (var dir in Directory.EnumerateDirectories(parent))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && !IsRunning(pid))
            {
                try
                {
                    Directory.Delete(dir, recursive: true);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                }
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>A fresh empty folder under the temp folder.</summary>
    public static string NewFolder(string name = "t")
    {
        var dir = Path.Combine(Root.Value, name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Writes <paramref name="files"/> (relative path → text) under <paramref name="root"/>.</summary>
    public static string Write(string root, params (string Path, string Text)[] files)
    {
        foreach (var (rel, text) in files)
        {
            var path = System.IO.Path.Combine(root, rel);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text.Replace("\r\n", "\n"));
        }

        return root;
    }

    /// <summary>Runs a process; returns exit code, stdout and stderr. The runtime (src/python) is on PYTHONPATH.</summary>
    public static (int Exit, string Stdout, string Stderr) Run(string file, IEnumerable<string> args, string? cwd = null, IDictionary<string, string?>? env = null)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = cwd ?? Path.GetTempPath() };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["PYTHONPATH"] = RepoPaths.InRepo("src", "python");
        psi.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        psi.Environment.Remove("COMFYUI_PATH");
        foreach (var (k, v) in env ?? new Dictionary<string, string?>())
        {
            psi.Environment[k] = v;
        }

        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs Python code with the test interpreter.</summary>
    public static (int Exit, string Stdout, string Stderr) RunPython(string code, string? cwd = null, IDictionary<string, string?>? env = null) =>
        Run(RepoPaths.Python, ["-c", code], cwd, env);

    private static string? Probe(string code)
    {
        try
        {
            var (exit, _, err) = RunPython(code);
            return exit == 0 ? null : $"{RepoPaths.Python} cannot run: {code} ({err.Trim().Split('\n').LastOrDefault()})";
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return $"{RepoPaths.Python} cannot be started";
        }
    }
}

/// <summary>A fact that needs the test Python with numpy, Pillow and torch (the runtime's packages).</summary>
internal sealed class RuntimeFactAttribute : FactAttribute
{
    public RuntimeFactAttribute()
    {
        if (PythonTestSupport.WhyNoRuntime is { } why)
        {
            Skip = why;
        }
    }
}
