using Loki.Core.Diagnostics;
using Loki.Core.Nodes;

namespace Loki.Cli.Commands;

/// <summary>
/// <c>loki import SOURCE --into nodes/NAME</c>: starts (or adds to) a node from a Python function
/// (<c>file.py:func</c>), a ComfyUI node (<c>PACK_DIR:Class</c>) or a saved workflow (JSON, PNG, WebP).
/// </summary>
internal static class ImportCommand
{
    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? source = null;
        string? into = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--into" && i + 1 < args.Length)
            {
                into = args[++i];
            }
            else if (source is null && !args[i].StartsWith("--", StringComparison.Ordinal))
            {
                source = args[i];
            }
            else
            {
                throw Usage($"unexpected argument '{args[i]}'");
            }
        }

        if (into is null)
        {
            throw Usage("usage: loki import [SOURCE] --into nodes/NAME");
        }

        var diagnostics = new DiagnosticBag();
        var (growth, placed) = NodeImporter.Import(ImportSource.Parse(source), Path.GetFullPath(into), mustBeNew: false, diagnostics);
        return NodeCommandOutput.Write(growth, placed, diagnostics, stdout, stderr);
    }

    private static LokiException Usage(string message) => new(new LokiDiagnostic(LokiCodes.BadUsage, DiagnosticSeverity.Error, message));
}
