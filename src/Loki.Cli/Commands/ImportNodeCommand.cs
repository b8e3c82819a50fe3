using Loki.Core.Diagnostics;
using Loki.Core.Python.Conversion;
using Loki.Core.Python.Environment;

namespace Loki.Cli.Commands;

/// <summary>
/// <c>loki import-node PACK_DIR:Class --into nodes/&lt;n&gt; [--comfyui DIR] [--force]</c>: ComfyUI node → LOKI Script + LOKI
/// Node, read statically. <c>PACK_DIR</c> may be ComfyUI's root for core nodes.
/// </summary>
internal static class ImportNodeCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var a = PythonCommandSupport.Parse("import-node", args, ["--into", "--comfyui"], ["--force"]);
        if (a.Positional.Count != 1 || a.Option("--into") is not { } into)
        {
            throw PythonCommandSupport.Usage("import-node", "usage: loki import-node PACK_DIR:CLASS --into nodes/<n> [--comfyui DIR] [--force]");
        }

        var (pack, classType) = PythonCommandSupport.SplitTarget("import-node", a.Positional[0], "CLASS");
        var python = await PythonLocator.FindAsync([]);
        var diagnostics = new DiagnosticBag();
        var files = await ComfyNodeImporter.PlanAsync(python, pack, classType, into, a.Option("--comfyui"), diagnostics);
        return PythonCommandSupport.WriteAndReport(into, files, diagnostics, a.Flag("--force"), stdout, stderr);
    }
}
