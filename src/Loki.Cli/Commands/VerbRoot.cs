using System.CommandLine;

namespace Loki.Cli.Commands;

/// <summary>
/// The root a command line is parsed under. Most runs name one command and ask for neither help nor the version nor
/// a directive (<c>loki convert a.json --to api -o out</c>): for those the root is a plain <see cref="Command"/> named
/// <c>loki</c> holding only that command. <see cref="RootCommand"/>'s constructor reads the executable's name from the
/// entry assembly's metadata and builds its help and version options from the library's resources, ~8 % of the CPU
/// of a one-file convert in the native CLI, for options no token of such a line can match: the parse is the same
/// (HelpTests parses every listed line under both roots). Any other line gets the whole <see cref="LokiRootCommand"/>.
/// </summary>
internal sealed class VerbRoot : Command
{
    private static readonly string[] RootOnlyAliases = ["--help", "-h", "/h", "-?", "/?", "--version"];

    private VerbRoot(Command command)
        : base("loki")
    {
        Add(command);
    }

    /// <summary>The root to parse <paramref name="args"/> under (non-empty).</summary>
    public static Command For(CliConsole console, string[] args)
    {
        var named = LokiRootCommand.Commands.Where(c => c.Name == args[0]).ToList();
        return named.Count == 1 && !args.Any(MayNeedTheRoot)
            ? new VerbRoot(named[0].Make(console))
            : new LokiRootCommand(console, args[0]);
    }

    // A token the plain root could read differently: a help alias (help is recursive, valid after any command; also
    // as "--help:x" / "--help=x", the forms the tokenizer splits, or inside a bundle of short options such as -oh),
    // --version, a [directive], or an @response file whose contents are not seen here. Such lines are rare; they take
    // the whole root. A path such as /home/a.json is not an alias and keeps the plain root.
    private static bool MayNeedTheRoot(string token) =>
        RootOnlyAliases.Any(alias => token == alias || token.StartsWith(alias + ":", StringComparison.Ordinal) || token.StartsWith(alias + "=", StringComparison.Ordinal))
        || token.Length > 2 && token[0] == '-' && token[1] != '-' && token.AsSpan(1).IndexOfAny('h', '?') >= 0
        || token.StartsWith('[')
        || token.StartsWith('@');
}
