using System.CommandLine;

namespace Loki.Cli.Commands;

/// <summary>
/// Every `loki` command, registered here once. A new command is one <see cref="Command"/> subclass in its own file
/// (options as fields, an action that calls Loki.Core) and one line below; a new option is one field and one
/// <c>Add</c> in its command.
/// </summary>
internal sealed class LokiRootCommand : RootCommand
{
    public LokiRootCommand(CliConsole console)
        : base("loki — LOKI Build command line: convert, inspect, wrap and build ComfyUI LOKI nodes.")
    {
        Add(new NewCommand());
        Add(new ImportCommand());
        Add(new ConvertCommand(console));
        Add(new InspectCommand());
        Add(new NodeToFlowCommand());
        Add(new PackCommand());
        Add(new VerifyCommand());
        Add(new WrapCommand());
        Add(new ImportNodeCommand());
        Add(new NodeLayerCommand("script-to-node", "LOKI Script → LOKI Node + __init__.py"));
        Add(new NodeLayerCommand("node-to-script", "hand-written LOKI Node → LOKI Script"));
        Add(new SchemasCommand());
        Add(new SplitCommand());
        Add(new WorldCommand());
        Add(new RunCommand(console));
        Add(new DecomposeCommand());
    }
}
