using System.Diagnostics;
using System.Text;

namespace Loki.Core.Requirements;

/// <summary>Runs a Python interpreter (or pip through it) and captures its output; never throws for a non-zero exit.</summary>
public static class PythonProcess
{
    /// <summary>The interpreter: <c>$LOKI_PYTHON</c>, else <c>/usr/bin/python3</c> (the one with Debian's packages).</summary>
    public static string DefaultInterpreter =>
        Environment.GetEnvironmentVariable("LOKI_PYTHON") is { Length: > 0 } p ? p : "/usr/bin/python3";

    /// <summary>The outcome of one run.</summary>
    /// <param name="ExitCode">The process exit code; -1 when it could not start.</param>
    /// <param name="Stdout">Everything written to standard output.</param>
    /// <param name="Stderr">Everything written to standard error (or the start failure).</param>
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary>
    /// How <see cref="Run"/> starts <paramref name="python"/> (output redirected as UTF-8, no bytecode files, pip quiet);
    /// <paramref name="environment"/> overrides variables (null removes one). For callers that read the output as it comes.
    /// </summary>
    public static ProcessStartInfo StartInfo(string python, IEnumerable<string> arguments, string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        // Predictable output whatever the caller's environment: UTF-8, no bytecode files in the library.
        info.Environment["PYTHONIOENCODING"] = "utf-8";
        info.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        info.Environment["PIP_DISABLE_PIP_VERSION_CHECK"] = "1";
        info.Environment["PIP_NO_INPUT"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        return info;
    }

    /// <summary>Runs <paramref name="python"/> with <paramref name="arguments"/> (each passed as one argument); <paramref name="environment"/> overrides variables (null removes one).</summary>
    public static Result Run(string python, IEnumerable<string> arguments, string? workingDirectory = null, TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = StartInfo(python, arguments, workingDirectory, environment);
        try
        {
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(5)))
            {
                process.Kill(entireProcessTree: true);
                return new Result(-1, stdout.Result, "timed out after " + (timeout ?? TimeSpan.FromMinutes(5)));
            }

            return new Result(process.ExitCode, stdout.Result, stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return new Result(-1, string.Empty, $"cannot start '{python}': {ex.Message}");
        }
    }
}
