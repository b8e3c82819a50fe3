using System.CommandLine;
using Loki.Core.Diagnostics;
using Loki.Core.Nodes;

namespace Loki.Cli.Commands;

/// <summary><c>loki new NAME [--dir NODES_DIR]</c>: starts a node folder with its requirements, name and status templates.</summary>
internal sealed class NewCommand : Command
{
    private readonly Argument<string> _name = CliOptions.Path("NAME", "the node's name (lowercase snake_case), or its folder path");
    private readonly Option<string> _dir = new("--dir") { Description = "the nodes folder (default: ./nodes when it exists, else the current folder)", HelpName = "NODES_DIR" };

    public NewCommand()
        : base("new", "start a LOKI node folder")
    {
        Add(_name);
        Add(_dir);
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        var diagnostics = new DiagnosticBag();
        var folder = NodeFolderPath.Resolve(parse.GetRequiredValue(_name), parse.GetValue(_dir));
        var (growth, placed) = NodeImporter.Import(new ImportSource(ImportSourceKind.Nothing, string.Empty), folder, mustBeNew: true, diagnostics);
        return NodeCommandOutput.Write(growth, placed, diagnostics, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
    }
}
