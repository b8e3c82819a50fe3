using Loki.Core.Diagnostics;
using Loki.Core.Regeneration;

namespace Loki.Cli.Commands;

/// <summary>Prints what <c>new</c>/<c>import</c> did: files placed, the node's growth, diagnostics; gives the exit code.</summary>
internal static class NodeCommandOutput
{
    /// <summary>Writes the report and returns 0, or 1 when an error was reported.</summary>
    public static int Write(NodeGrowth? growth, IReadOnlyList<string> placed, DiagnosticBag diagnostics, TextWriter stdout, TextWriter stderr)
    {
        foreach (var file in placed)
        {
            stdout.WriteLine($"created {Path.GetRelativePath(Environment.CurrentDirectory, file)}");
        }

        foreach (var file in growth?.Written ?? [])
        {
            stdout.WriteLine($"generated {Path.GetRelativePath(Environment.CurrentDirectory, file)}");
        }

        if (growth is not null)
        {
            stdout.WriteLine(growth.Summary());
        }

        foreach (var d in diagnostics.Items.Where(d => d.Severity != DiagnosticSeverity.Info))
        {
            stderr.WriteLine(d.ToString());
        }

        return diagnostics.HasErrors ? CliApp.Failed : CliApp.Success;
    }
}
