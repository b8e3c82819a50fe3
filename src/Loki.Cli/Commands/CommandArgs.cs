using Loki.Core.Diagnostics;

namespace Loki.Cli.Commands;

/// <summary>Minimal option parsing for the pack and verify verbs: <c>--name value</c>, <c>--name=value</c> and flags.</summary>
internal sealed class CommandArgs
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    private CommandArgs()
    {
    }

    /// <summary>Parses <paramref name="args"/>; unknown options are a <see cref="LokiCodes.BadUsage"/> error.</summary>
    public static CommandArgs Parse(string verb, string[] args, IReadOnlySet<string> valued, IReadOnlySet<string> flags)
    {
        var result = new CommandArgs();
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            var eq = a.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? a[..eq] : a;
            if (valued.Contains(name))
            {
                var value = eq > 0 ? a[(eq + 1)..] : i + 1 < args.Length ? args[++i] : throw Usage(verb, $"{name} needs a value");
                result._values[name] = value;
            }
            else if (flags.Contains(name) && eq < 0)
            {
                result._values[name] = null;
            }
            else
            {
                throw Usage(verb, $"unknown option '{a}'");
            }
        }

        return result;
    }

    public string? Get(string name) => _values.TryGetValue(name, out var v) ? v : null;

    public bool Has(string name) => _values.ContainsKey(name);

    public static LokiException Usage(string verb, string message) =>
        new(new LokiDiagnostic(LokiCodes.BadUsage, DiagnosticSeverity.Error, $"{verb}: {message}; run 'loki --help'"));
}
