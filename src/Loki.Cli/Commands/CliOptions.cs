using System.CommandLine;
using System.CommandLine.Parsing;

namespace Loki.Cli.Commands;

/// <summary>
/// Options and arguments several commands share, built fresh for each command (System.CommandLine symbols have one
/// parent). Path-valued ones reject an empty or NUL-carrying value as a usage error.
/// </summary>
internal static class CliOptions
{
    /// <summary><c>--schemas PATH</c>, repeatable: /object_info dumps or folders of them.</summary>
    public static Option<string[]> Schemas(string description) =>
        Paths(new Option<string[]>("--schemas") { Description = description, HelpName = "PATH", Arity = ArgumentArity.ZeroOrMore });

    /// <summary><c>--library DIR</c>, repeatable: LOKI libraries (holding nodes/) a flow uses.</summary>
    public static Option<string[]> Library(string description) =>
        Paths(new Option<string[]>("--library") { Description = description, HelpName = "DIR", Arity = ArgumentArity.ZeroOrMore });

    /// <summary><c>-o, --output OUT</c>; <c>-</c> means stdout.</summary>
    public static Option<string> Output(string description, string helpName = "OUT") =>
        Paths(new Option<string>("--output", "-o") { Description = description, HelpName = helpName });

    /// <summary><c>--force</c>: overwrite generated files that were edited.</summary>
    public static Option<bool> Force() => new("--force") { Description = "overwrite generated files even when they were edited" };

    /// <summary>A positional path argument.</summary>
    public static Argument<string> Path(string name, string description) =>
        Paths(new Argument<string>(name) { Description = description });

    /// <summary>Adds the path check to an option of one or several paths.</summary>
    public static Option<T> Paths<T>(Option<T> option)
    {
        option.Validators.Add(result => CheckPaths(result, option.Name));
        return option;
    }

    /// <summary>Adds the path check to a positional argument.</summary>
    public static Argument<T> Paths<T>(Argument<T> argument)
    {
        argument.Validators.Add(result => CheckPaths(result, argument.Name));
        return argument;
    }

    private static void CheckPaths(SymbolResult result, string name)
    {
        foreach (var token in result.Tokens)
        {
            if (CliUsage.PathProblem(token.Value, name) is { } problem)
            {
                result.AddError(problem);
            }
        }
    }
}
