using System.CommandLine;
using Loki.Core.Diagnostics;
using Loki.Core.Python.Conversion;
using Loki.Core.Python.Environment;

namespace Loki.Cli.Commands;

/// <summary>
/// <c>loki script-to-node nodes/&lt;n&gt;</c> (LOKI Script → LOKI Node + <c>__init__.py</c>) and
/// <c>loki node-to-script nodes/&lt;n&gt;</c> (hand-written LOKI Node → LOKI Script): one class, two verbs.
/// </summary>
internal sealed class NodeLayerCommand : Command
{
    private readonly Argument<string> _folder = CliOptions.Path("nodes/<n>", "the node folder");
    private readonly Option<bool> _force = CliOptions.Force();

    public NodeLayerCommand(string verb, string description)
        : base(verb, description)
    {
        Add(_folder);
        Add(_force);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancel)
    {
        var folder = parse.GetRequiredValue(_folder);
        if (!Directory.Exists(folder))
        {
            throw new LokiException(new LokiDiagnostic(LokiCodes.FileNotFound, DiagnosticSeverity.Error, "node folder not found", folder));
        }

        var python = await PythonLocator.FindAsync([]);
        var diagnostics = new DiagnosticBag();
        var files = Name == "script-to-node"
            ? await NodeLayerConverter.ScriptToNodeAsync(python, folder, diagnostics)
            : await NodeLayerConverter.NodeToScriptAsync(python, folder, diagnostics);
        return PythonCommandSupport.WriteAndReport(folder, files, diagnostics, parse.GetValue(_force), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
    }
}
