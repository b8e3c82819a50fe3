using System.ComponentModel;
using System.Diagnostics;
using Loki.Core.Diagnostics;
using Loki.Core.Requirements;

namespace Loki.Cli.Commands;

/// <summary>
/// Runs a long Python command with its output passed on as it comes (a progress bar redraws in place) and its exit
/// code returned; the runtime folder goes first on PYTHONPATH. Cancelled (Ctrl+C): the whole process tree is killed,
/// so no worker of a local cluster outlives the command.
/// </summary>
internal static class PythonRelay
{
    public static async Task<int> RunAsync(string python, IReadOnlyList<string> arguments, string runtimeParent, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        var inherited = Environment.GetEnvironmentVariable("PYTHONPATH");
        var environment = new Dictionary<string, string?>
        {
            ["PYTHONPATH"] = string.IsNullOrEmpty(inherited) ? runtimeParent : runtimeParent + Path.PathSeparator + inherited,
        };
        if (TerminalSize() is var (columns, lines))
        {
            // Python writes into a pipe, not the terminal: tell a progress bar how wide the terminal is.
            environment["COLUMNS"] = columns.ToString(System.Globalization.CultureInfo.InvariantCulture);
            environment["LINES"] = lines.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var info = PythonProcess.StartInfo(python, arguments, environment: environment);
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (Win32Exception ex)
        {
            throw new LokiException(new LokiDiagnostic(LokiCodes.PythonNotFound, DiagnosticSeverity.Error, $"cannot start '{python}': {ex.Message} (set LOKI_PYTHON or --python to Debian's /usr/bin/python3 with python3-distributed)"));
        }

        using (process)
        {
            var relays = Task.WhenAll(Relay(process.StandardOutput, stdout), Relay(process.StandardError, stderr));
            try
            {
                await process.WaitForExitAsync(cancel);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                await relays;
                return 130;
            }

            await relays;
            return process.ExitCode;
        }
    }

    private static (int Columns, int Lines)? TerminalSize()
    {
        try
        {
            return Console.IsErrorRedirected || Console.WindowWidth <= 0 ? null : (Console.WindowWidth, Console.WindowHeight);
        }
        catch (Exception ex) when (ex is IOException or PlatformNotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }

    private static async Task Relay(StreamReader from, TextWriter to)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await from.ReadAsync(buffer)) > 0)
        {
            await to.WriteAsync(buffer.AsMemory(0, read));
            await to.FlushAsync();
        }
    }
}
