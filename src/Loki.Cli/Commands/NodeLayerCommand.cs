using Loki.Core.Diagnostics;
using Loki.Core.Python.Conversion;
using Loki.Core.Python.Environment;

namespace Loki.Cli.Commands;

/// <summary>
/// <c>loki script-to-node nodes/&lt;n&gt;</c> (LOKI Script → LOKI Node + <c>__init__.py</c>) and
/// <c>loki node-to-script nodes/&lt;n&gt;</c> (hand-written LOKI Node → LOKI Script).
/// </summary>
internal static class NodeLayerCommand
{
    public static async Task<int> RunAsync(string verb, string[] args, TextWriter stdout, TextWriter stderr)
    {
        var a = PythonCommandSupport.Parse(verb, args, [], ["--force"]);
        if (a.Positional.Count != 1)
        {
            throw PythonCommandSupport.Usage(verb, $"usage: loki {verb} nodes/<n> [--force]");
        }

        var folder = a.Positional[0];
        if (!Directory.Exists(folder))
        {
            throw new LokiException(new LokiDiagnostic(LokiCodes.FileNotFound, DiagnosticSeverity.Error, "node folder not found", folder));
        }

        var python = await PythonLocator.FindAsync([]);
        var diagnostics = new DiagnosticBag();
        var files = verb == "script-to-node"
            ? await NodeLayerConverter.ScriptToNodeAsync(python, folder, diagnostics)
            : await NodeLayerConverter.NodeToScriptAsync(python, folder, diagnostics);
        return PythonCommandSupport.WriteAndReport(folder, files, diagnostics, a.Flag("--force"), stdout, stderr);
    }
}
