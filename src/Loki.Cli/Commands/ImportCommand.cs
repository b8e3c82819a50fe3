using System.CommandLine;
using Loki.Core.Diagnostics;
using Loki.Core.Nodes;

namespace Loki.Cli.Commands;

/// <summary>
/// <c>loki import SOURCE --into nodes/NAME</c>: starts (or adds to) a node from a Python function
/// (<c>file.py:func</c>), a ComfyUI node (<c>PACK_DIR:Class</c>) or a saved workflow (JSON, PNG, WebP).
/// </summary>
internal sealed class ImportCommand : Command
{
    private readonly Argument<string?> _source = new("SOURCE") { Description = "file.py:func, PACK_DIR:Class, or a WORKFLOW.json|png|webp (none: templates only)", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<string> _into = CliOptions.Paths(new Option<string>("--into") { Description = "the node folder to start or grow", HelpName = "nodes/NAME", Required = true });

    public ImportCommand()
        : base("import", "start or grow a node from a Python function, a ComfyUI node or a saved workflow")
    {
        Add(_source);
        Add(_into);
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        var diagnostics = new DiagnosticBag();
        var into = Path.GetFullPath(parse.GetRequiredValue(_into));
        var (growth, placed) = NodeImporter.Import(ImportSource.Parse(parse.GetValue(_source)), into, mustBeNew: false, diagnostics);
        return NodeCommandOutput.Write(growth, placed, diagnostics, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
    }
}
