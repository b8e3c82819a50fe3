using System.CommandLine;

namespace Loki.Cli.Commands;

/// <summary>
/// Every `loki` command, registered here once. A new command is one <see cref="Command"/> subclass in its own file
/// (options as fields, an action that calls Loki.Core) and one line below; a new option is one field and one
/// <c>Add</c> in its command.
/// </summary>
internal sealed class LokiRootCommand : RootCommand
{
    /// <summary>Each command's name and how to make it, in the order usage lists them.</summary>
    internal static readonly IReadOnlyList<(string Name, Func<CliConsole, Command> Make)> Commands =
    [
        ("new", _ => new NewCommand()),
        ("import", _ => new ImportCommand()),
        ("convert", console => new ConvertCommand(console)),
        ("inspect", _ => new InspectCommand()),
        ("node-to-flow", _ => new NodeToFlowCommand()),
        ("pack", _ => new PackCommand()),
        ("verify", _ => new VerifyCommand()),
        ("wrap", _ => new WrapCommand()),
        ("import-node", _ => new ImportNodeCommand()),
        ("script-to-node", _ => new NodeLayerCommand("script-to-node", "LOKI Script → LOKI Node + __init__.py")),
        ("node-to-script", _ => new NodeLayerCommand("node-to-script", "hand-written LOKI Node → LOKI Script")),
        ("schemas", _ => new SchemasCommand()),
        ("split", _ => new SplitCommand()),
        ("world", _ => new WorldCommand()),
        ("run", console => new RunCommand(console)),
        ("decompose", _ => new DecomposeCommand()),
    ];

    /// <summary>The root with every command.</summary>
    public LokiRootCommand(CliConsole console)
        : this(console, verb: null)
    {
    }

    /// <summary>
    /// The root for a command line whose first word is <paramref name="verb"/>: when it names a command, only that
    /// command is built (its parse, errors and help are the same; the other fifteen option trees are not made, ~1 ms
    /// of every short run); otherwise (no verb, an option, a typo) every command, for the usage and its errors.
    /// </summary>
    public LokiRootCommand(CliConsole console, string? verb)
        : base("loki — LOKI Build command line: convert, inspect, wrap and build ComfyUI LOKI nodes.")
    {
        var named = Commands.Where(c => c.Name == verb).ToList();
        foreach (var (_, make) in named.Count == 1 ? named : Commands)
        {
            Add(make(console));
        }
    }
}
