using Loki.Cli.Commands;
using Loki.Core.Diagnostics;

namespace Loki.Cli;

/// <summary>
/// The `loki` entry point: dispatches a verb to its command class in <c>Commands/</c>. Exit codes:
/// 0 success, 1 the input was read but cannot be processed, 2 bad usage or unreadable input.
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
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await stdout.WriteLineAsync(Usage);
            return args.Length == 0 ? BadUsage : Success;
        }

        try
        {
            var verb = args[0];
            var rest = args[1..];
            return verb switch
            {
                "new" => Commands.NewCommand.Run(rest, stdout, stderr),
                "import" => Commands.ImportCommand.Run(rest, stdout, stderr),
                "convert" => await ConvertCommand.RunAsync(rest, stdout, stderr),
                "inspect" => await InspectCommand.RunAsync(rest, stdout, stderr),
                "pack" => Commands.PackCommand.Run(rest, stdout, stderr),
                "verify" => Commands.VerifyCommand.Run(rest, stdout, stderr),
                "wrap" => await Commands.WrapCommand.RunAsync(rest, stdout, stderr),
                "import-node" => await Commands.ImportNodeCommand.RunAsync(rest, stdout, stderr),
                "script-to-node" or "node-to-script" => await Commands.NodeLayerCommand.RunAsync(verb, rest, stdout, stderr),
                "schemas" => await Commands.SchemasCommand.RunAsync(rest, stdout, stderr),
                "node-to-flow" => await Commands.NodeToFlowCommand.RunAsync(rest, stdout, stderr),
                _ => Unknown(verb, stderr),
            };
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

    private static int Unknown(string verb, TextWriter stderr)
    {
        stderr.WriteLine(new LokiDiagnostic(LokiCodes.BadUsage, DiagnosticSeverity.Error, $"unknown command '{verb}'; run 'loki --help'").ToString());
        return BadUsage;
    }

    private const string Usage = """
        loki — LOKI Build command line

        usage: loki <command> [options]

        commands:
          new NAME [--dir NODES_DIR]
          import [file.py:func | PACK_DIR:Class | WORKFLOW.json|png|webp] --into nodes/NAME
          convert INPUT --to api|ui|script|node [--schemas PATH]... [-o OUT]
          convert INPUT --to api|ui|script|node [--schemas PATH]... [-o OUT] [--seed N]
          inspect INPUT [--schemas PATH]... [--json] [--interface]
          node-to-flow NODE [-o FILE] [--plain]
          pack [--library nodes] [--runtime DIR] [--metadata pack.json] [--out DIR] [--zip FILE] [--no-zip] [--no-import-check]
          verify [--library nodes] [--index-url URL | --find-links DIR] [--no-imports]
          wrap MODULE.py:FUNCTION --into nodes/<n> [--repo DIR] [--node] [--force] [--standalone]
          import-node PACK_DIR:CLASS --into nodes/<n> [--comfyui DIR] [--force]
          script-to-node nodes/<n> [--force] | node-to-script nodes/<n> [--force]
          schemas extract PACK_DIR -o FILE [--comfyui DIR]
        """;
}
