using Loki.Core.Diagnostics;

namespace Loki.Cli.Commands;

/// <summary>
/// The arguments of one verb: positionals, options with values (<c>--to api</c>, <c>--to=api</c>, <c>-o out</c>,
/// repeatable) and flags (<c>--json</c>). An unknown option or a missing value is a coded usage error.
/// </summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private CommandLine(string verb) => Verb = verb;

    /// <summary>The verb these arguments belong to.</summary>
    public string Verb { get; }

    /// <summary>The positional arguments, in order.</summary>
    public List<string> Positionals { get; } = [];

    /// <summary>Parses <paramref name="args"/> against the options the verb knows.</summary>
    /// <param name="verb">The verb (for messages).</param>
    /// <param name="args">The arguments after the verb.</param>
    /// <param name="valueOptions">Options that take a value, by long name (<c>--to</c>).</param>
    /// <param name="flags">Options without a value (<c>--json</c>).</param>
    /// <param name="aliases">Short spellings (<c>-o</c> → <c>--output</c>).</param>
    public static CommandLine Parse(string verb, IReadOnlyList<string> args, IEnumerable<string> valueOptions, IEnumerable<string> flags, IReadOnlyDictionary<string, string>? aliases = null)
    {
        var withValue = valueOptions.ToHashSet(StringComparer.Ordinal);
        var flagSet = flags.ToHashSet(StringComparer.Ordinal);
        var line = new CommandLine(verb);
        var onlyPositionals = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (onlyPositionals || arg == "-" || !arg.StartsWith('-'))
            {
                line.Positionals.Add(arg);
                continue;
            }

            if (arg == "--")
            {
                onlyPositionals = true;
                continue;
            }

            var name = arg;
            string? inline = null;
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                name = arg[..eq];
                inline = arg[(eq + 1)..];
            }

            if (aliases is not null && aliases.TryGetValue(name, out var longName))
            {
                name = longName;
            }

            if (flagSet.Contains(name) && inline is null)
            {
                line._flags.Add(name);
            }
            else if (withValue.Contains(name))
            {
                var value = inline ?? (i + 1 < args.Count ? args[++i] : throw Usage(verb, $"option {name} needs a value"));
                if (!line._values.TryGetValue(name, out var list))
                {
                    line._values[name] = list = [];
                }

                list.Add(value);
            }
            else
            {
                throw Usage(verb, $"unknown option '{arg}'");
            }
        }

        return line;
    }

    /// <summary>Every value given for <paramref name="option"/>, in order.</summary>
    public IReadOnlyList<string> Values(string option) => _values.TryGetValue(option, out var list) ? list : [];

    /// <summary>The single value of <paramref name="option"/>, or null; giving it twice is a usage error.</summary>
    public string? Value(string option) => Values(option) switch
    {
        [] => null,
        [var one] => one,
        _ => throw Usage(Verb, $"option {option} may be given only once"),
    };

    /// <summary>The values of a path option, each checked with <see cref="Path(string, string)"/>.</summary>
    public IReadOnlyList<string> Paths(string option) => Values(option).Select(v => Path(v, option)).ToList();

    /// <summary>The single value of a path option, checked with <see cref="Path(string, string)"/>, or null.</summary>
    public string? PathValue(string option) => Value(option) is { } v ? Path(v, option) : null;

    /// <summary>Rejects what no file system accepts as a path (empty, a NUL character) as a usage error.</summary>
    public string Path(string value, string what) =>
        value.Length == 0 || value.Contains('\0', StringComparison.Ordinal) ? throw Usage(Verb, $"{what} must be a file path, got '{value.Replace("\0", "\\0", StringComparison.Ordinal)}'") : value;

    /// <summary>True when the flag was given.</summary>
    public bool Flag(string name) => _flags.Contains(name);

    /// <summary>The one positional argument the verb needs, named <paramref name="what"/> in the message.</summary>
    public string SinglePositional(string what) => Positionals switch
    {
        [var one] => Path(one, what),
        [] => throw Usage(Verb, $"missing {what}"),
        _ => throw Usage(Verb, $"expected one {what}, got {Positionals.Count} arguments"),
    };

    /// <summary>A coded usage error for <paramref name="verb"/>.</summary>
    public static LokiException Usage(string verb, string message) =>
        new(new LokiDiagnostic(LokiCodes.BadUsage, DiagnosticSeverity.Error, $"{message}; run 'loki {verb} --help'"));
}
