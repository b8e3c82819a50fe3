using System.CommandLine;
using Loki.Cli.Commands;
using Loki.Core.Diagnostics;

namespace Loki.Cli;

/// <summary>
/// The `loki` entry point: parses the command line with System.CommandLine (<see cref="LokiRootCommand"/> lists the
/// commands) and runs the chosen one. Exit codes: 0 success, 1 the input was read but cannot be processed, 2 bad usage
/// or unreadable input. Every parse error becomes a coded <see cref="LokiCodes.BadUsage"/> line, never a stack trace.
/// </summary>
public static class CliApp
{
    /// <summary>Exit code for success.</summary>
    public const int Success = 0;

    /// <summary>Exit code when the input was read but cannot be converted or built.</summary>
    public const int Failed = 1;

    /// <summary>Exit code for bad usage or an unreadable input.</summary>
    public const int BadUsage = 2;

    /// <summary>Runs one command line and returns its exit code; never throws.</summary>
    /// <param name="args">The arguments after <c>loki</c>.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where diagnostics (and, on a terminal, progress) go.</param>
    /// <param name="console">What stderr is (default: redirected, no live display).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CliConsole? console = null)
    {
        var invocation = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };

        // `loki` alone shows the usage but is still a usage error; `loki help` is `loki --help`.
        var bare = args.Length == 0;
        if (bare || args is ["help"])
        {
            args = ["--help"];
        }

        var root = VerbRoot.For(console ?? CliConsole.Redirected, args);

        try
        {
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0 && !HelpRequested(parsed))
            {
                var verb = parsed.CommandResult.Command == root ? null : parsed.CommandResult.Command.Name;
                foreach (var error in parsed.Errors)
                {
                    await stderr.WriteLineAsync(CliUsage.Error(verb, error.Message.TrimEnd('.')).Diagnostic.ToString());
                }

                return BadUsage;
            }

            var code = await parsed.InvokeAsync(invocation);
            return bare ? BadUsage : code;
        }
        catch (LokiException ex)
        {
            await stderr.WriteLineAsync(ex.Diagnostic.ToString());
            return ExitCodes.For(ex.Diagnostic);
        }
        catch (Exception ex)
        {
            // Never a stack trace for the user: a coded one-line message, and a bug to fix.
            await stderr.WriteLineAsync(new LokiDiagnostic(LokiCodes.InternalError, DiagnosticSeverity.Error, $"internal error: {ex.GetType().Name}: {ex.Message}").ToString());
            return Failed;
        }
    }

    private static bool HelpRequested(ParseResult parsed) => parsed.Action is System.CommandLine.Help.HelpAction;
}
