using Loki.Core.Diagnostics;
using Loki.Core.Python.Conversion;
using Loki.Core.Python.Environment;

namespace Loki.Cli.Commands;

/// <summary>
/// <c>loki wrap path/to/module.py:function --into nodes/&lt;n&gt; [--repo DIR] [--node] [--force] [--standalone]</c>: Python function → LOKI Script
/// (<c>&lt;n&gt;.py</c>, <c>&lt;n&gt;.json</c>, <c>requirements.txt</c>; with <c>--node</c> also the LOKI Node; with
/// <c>--standalone</c> a copy of loki_runtime beside them).
/// </summary>
internal static class WrapCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var a = PythonCommandSupport.Parse("wrap", args, ["--into", "--repo"], ["--node", "--force", "--standalone"]);
        if (a.Positional.Count != 1 || a.Option("--into") is not { } into)
        {
            throw PythonCommandSupport.Usage("wrap", "usage: loki wrap MODULE.py:FUNCTION --into nodes/<n> [--repo DIR] [--node] [--force] [--standalone]");
        }

        var (module, function) = PythonCommandSupport.SplitTarget("wrap", a.Positional[0], "FUNCTION");
        var python = await PythonLocator.FindAsync([]);
        var diagnostics = new DiagnosticBag();
        var files = await FunctionWrapper.PlanAsync(python, module, function, into, a.Option("--repo"), diagnostics);
        var code = PythonCommandSupport.WriteAndReport(into, files, diagnostics, a.Flag("--force"), stdout, stderr);
        if (code == CliApp.Success && a.Flag("--standalone"))
        {
            var copyDiagnostics = new DiagnosticBag();
            StandaloneSupport.Write(into, [], copyDiagnostics);
            code = PythonCommandSupport.Report(copyDiagnostics, stderr);
        }

        if (code != CliApp.Success || !a.Flag("--node"))
        {
            return code;
        }

        var nodeDiagnostics = new DiagnosticBag();
        var nodeFiles = await NodeLayerConverter.ScriptToNodeAsync(python, into, nodeDiagnostics);
        return PythonCommandSupport.WriteAndReport(into, nodeFiles, nodeDiagnostics, a.Flag("--force"), stdout, stderr);
    }
}
