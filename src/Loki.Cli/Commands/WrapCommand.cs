using System.CommandLine;
using Loki.Core.Diagnostics;
using Loki.Core.Python.Conversion;
using Loki.Core.Python.Environment;

namespace Loki.Cli.Commands;

/// <summary>
/// <c>loki wrap path/to/module.py:function --into nodes/&lt;n&gt; [--repo DIR] [--node] [--force] [--standalone]</c>: Python function → LOKI Script
/// (<c>&lt;n&gt;.py</c>, <c>&lt;n&gt;.json</c>, <c>requirements.txt</c>; with <c>--node</c> also the LOKI Node; with
/// <c>--standalone</c> a copy of loki_runtime beside them).
/// </summary>
internal sealed class WrapCommand : Command
{
    private readonly Argument<string> _target = CliOptions.Path("MODULE.py:FUNCTION", "the Python function to wrap");
    private readonly Option<string> _into = CliOptions.Paths(new Option<string>("--into") { Description = "the node folder to write", HelpName = "nodes/<n>", Required = true });
    private readonly Option<string> _repo = new("--repo") { Description = "the repository the module belongs to (for its requirements)", HelpName = "DIR" };
    private readonly Option<bool> _node = new("--node") { Description = "also write the LOKI Node" };
    private readonly Option<bool> _force = CliOptions.Force();
    private readonly Option<bool> _standalone = new("--standalone") { Description = "copy loki_runtime beside the script, so the folder runs anywhere" };

    public WrapCommand()
        : base("wrap", "Python function → LOKI Script (and, with --node, LOKI Node)")
    {
        Add(_target);
        Add(_into);
        Add(_repo);
        Add(_node);
        Add(_force);
        Add(_standalone);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancel)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        var into = parse.GetRequiredValue(_into);
        var force = parse.GetValue(_force);
        var (module, function) = PythonCommandSupport.SplitTarget("wrap", parse.GetRequiredValue(_target), "FUNCTION");
        var python = await PythonLocator.FindAsync([]);
        var diagnostics = new DiagnosticBag();
        var files = await FunctionWrapper.PlanAsync(python, module, function, into, parse.GetValue(_repo), diagnostics);
        if (parse.GetValue(_standalone))
        {
            // Checked first: a refused copy leaves nothing written.
            Loki.Core.Python.Standalone.StandaloneCopier.Refuses(Path.GetFullPath(into), [], diagnostics);
        }

        var code = PythonCommandSupport.WriteAndReport(into, files, diagnostics, force, stdout, stderr);
        if (code == CliApp.Success && parse.GetValue(_standalone))
        {
            var copyDiagnostics = new DiagnosticBag();
            StandaloneSupport.Write(into, [], copyDiagnostics);
            code = PythonCommandSupport.Report(copyDiagnostics, stderr);
        }

        if (code != CliApp.Success || !parse.GetValue(_node))
        {
            return code;
        }

        var nodeDiagnostics = new DiagnosticBag();
        var nodeFiles = await NodeLayerConverter.ScriptToNodeAsync(python, into, nodeDiagnostics);
        return PythonCommandSupport.WriteAndReport(into, nodeFiles, nodeDiagnostics, force, stdout, stderr);
    }
}
