using System.CommandLine;
using Loki.Core.Diagnostics;
using Loki.Core.Python.Conversion;
using Loki.Core.Python.Environment;

namespace Loki.Cli.Commands;

/// <summary>
/// <c>loki import-node PACK_DIR:Class --into nodes/&lt;n&gt; [--comfyui DIR] [--force]</c>: ComfyUI node → LOKI Script + LOKI
/// Node, read statically. <c>PACK_DIR</c> may be ComfyUI's root for core nodes.
/// </summary>
internal sealed class ImportNodeCommand : Command
{
    private readonly Argument<string> _target = CliOptions.Path("PACK_DIR:CLASS", "the ComfyUI node (PACK_DIR may be ComfyUI's root for core nodes)");
    private readonly Option<string> _into = CliOptions.Paths(new Option<string>("--into") { Description = "the node folder to write", HelpName = "nodes/<n>", Required = true });
    private readonly Option<string> _comfyui = new("--comfyui") { Description = "the ComfyUI root the pack imports from", HelpName = "DIR" };
    private readonly Option<bool> _force = CliOptions.Force();

    public ImportNodeCommand()
        : base("import-node", "ComfyUI node → LOKI Script + LOKI Node, read statically")
    {
        Add(_target);
        Add(_into);
        Add(_comfyui);
        Add(_force);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancel)
    {
        var into = parse.GetRequiredValue(_into);
        var (pack, classType) = PythonCommandSupport.SplitTarget("import-node", parse.GetRequiredValue(_target), "CLASS");
        var python = await PythonLocator.FindAsync([]);
        var diagnostics = new DiagnosticBag();
        var files = await ComfyNodeImporter.PlanAsync(python, pack, classType, into, parse.GetValue(_comfyui), diagnostics);
        return PythonCommandSupport.WriteAndReport(into, files, diagnostics, parse.GetValue(_force), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
    }
}
