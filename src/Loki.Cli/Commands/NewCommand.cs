using Loki.Core.Diagnostics;
using Loki.Core.Nodes;

namespace Loki.Cli.Commands;

/// <summary><c>loki new NAME [--dir NODES_DIR]</c>: starts a node folder with its requirements, name and status templates.</summary>
internal static class NewCommand
{
    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? name = null;
        string? dir = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--dir" && i + 1 < args.Length)
            {
                dir = args[++i];
            }
            else if (name is null && !args[i].StartsWith('-'))
            {
                name = args[i];
            }
            else
            {
                throw Usage($"unexpected argument '{args[i]}'");
            }
        }

        if (name is null)
        {
            throw Usage("usage: loki new NAME [--dir NODES_DIR]");
        }

        var diagnostics = new DiagnosticBag();
        var (growth, placed) = NodeImporter.Import(new ImportSource(ImportSourceKind.Nothing, string.Empty), NodeFolderPath.Resolve(name, dir), mustBeNew: true, diagnostics);
        return NodeCommandOutput.Write(growth, placed, diagnostics, stdout, stderr);
    }

    private static LokiException Usage(string message) => new(new LokiDiagnostic(LokiCodes.BadUsage, DiagnosticSeverity.Error, message));
}
