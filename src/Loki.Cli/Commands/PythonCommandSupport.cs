using Loki.Core.Diagnostics;
using Loki.Core.Python.Conversion;

namespace Loki.Cli.Commands;

/// <summary>Argument reading and reporting shared by the Python conversion verbs (wrap, import-node, schemas...).</summary>
internal sealed class PythonCommandSupport
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly List<string> _positional = [];

    private PythonCommandSupport()
    {
    }

    /// <summary>Positional arguments in order.</summary>
    public IReadOnlyList<string> Positional => _positional;

    /// <summary>Parses <paramref name="args"/>; options in <paramref name="valued"/> take a value, those in <paramref name="flags"/> do not.</summary>
    public static PythonCommandSupport Parse(string verb, string[] args, string[] valued, string[] flags)
    {
        var parsed = new PythonCommandSupport();
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            var eq = a.StartsWith("--", StringComparison.Ordinal) ? a.IndexOf('=') : -1;
            var name = eq > 0 ? a[..eq] : a;
            if (valued.Contains(name))
            {
                var value = eq > 0 ? a[(eq + 1)..] : i + 1 < args.Length ? args[++i] : throw Usage(verb, $"{name} needs a value");
                parsed._options[name] = value;
            }
            else if (flags.Contains(a))
            {
                parsed._flags.Add(a);
            }
            else if (a.StartsWith('-') && a.Length > 1)
            {
                throw Usage(verb, $"unknown option '{a}'");
            }
            else
            {
                parsed._positional.Add(a);
            }
        }

        return parsed;
    }

    /// <summary>The value of an option, or null.</summary>
    public string? Option(string name) => _options.TryGetValue(name, out var v) ? v : null;

    /// <summary>True when the flag was given.</summary>
    public bool Flag(string name) => _flags.Contains(name);

    /// <summary>A bad-usage exception (exit 2) for <paramref name="verb"/>.</summary>
    public static LokiException Usage(string verb, string message) =>
        new(new LokiDiagnostic(LokiCodes.BadUsage, DiagnosticSeverity.Error, $"{verb}: {message}; run 'loki --help'"));

    /// <summary>Writes the files, prints what happened, and returns the exit code.</summary>
    public static int WriteAndReport(string folder, IReadOnlyList<GeneratedFile> files, DiagnosticBag diagnostics, bool force, TextWriter stdout, TextWriter stderr)
    {
        var written = diagnostics.HasErrors ? [] : GeneratedFileWriter.Write(folder, files, diagnostics, force);
        foreach (var path in written)
        {
            stdout.WriteLine("wrote " + Path.GetRelativePath(Directory.GetCurrentDirectory(), path));
        }

        if (written.Count == 0 && !diagnostics.HasErrors)
        {
            stdout.WriteLine("nothing to write: every file is up to date or kept");
        }

        return Report(diagnostics, stderr);
    }

    /// <summary>Prints every diagnostic on stderr; exit 1 when there is an error.</summary>
    public static int Report(DiagnosticBag diagnostics, TextWriter stderr)
    {
        foreach (var d in diagnostics.Items)
        {
            stderr.WriteLine(d.ToString());
        }

        return diagnostics.HasErrors ? CliApp.Failed : CliApp.Success;
    }

    /// <summary>Splits <c>path:name</c> at its last colon (so Windows drive letters survive).</summary>
    public static (string Path, string Name) SplitTarget(string verb, string text, string what)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 1 || colon == text.Length - 1)
        {
            throw Usage(verb, $"expected PATH:{what}, got '{text}'");
        }

        return (text[..colon], text[(colon + 1)..]);
    }
}
