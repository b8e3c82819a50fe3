using System.Collections.Concurrent;
using System.Globalization;
using CliWrap;
using CliWrap.Buffered;
using Loki.Core.Diagnostics;

namespace Loki.Core.Python.Environment;

/// <summary>
/// Finds the machine's Python 3 for a job: <c>$LOKI_PYTHON</c> first, then <c>python3</c>/<c>python</c> on PATH,
/// then <c>/usr/bin/python3</c>; each candidate must be 3.10+ and import every module the caller needs.
/// Answers are cached per process.
/// </summary>
public static class PythonLocator
{
    /// <summary>The environment variable that names the interpreter explicitly.</summary>
    public const string EnvironmentVariable = "LOKI_PYTHON";

    private static readonly ConcurrentDictionary<string, Task<Probe>> Probes = new(StringComparer.Ordinal);

    /// <summary>The candidates in the order they are tried (existing files only, no duplicates).</summary>
    public static IReadOnlyList<string> Candidates()
    {
        var list = new List<string>();
        if (System.Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } explicitPath)
        {
            list.Add(explicitPath);
        }

        foreach (var dir in (System.Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in OperatingSystem.IsWindows() ? new[] { "python.exe", "python3.exe" } : ["python3", "python"])
            {
                list.Add(Path.Combine(dir, name));
            }
        }

        list.Add("/usr/bin/python3");
        return list.Where(File.Exists).Select(p => Path.GetFullPath(p)).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The first candidate that is Python 3.10+ and can import every module in <paramref name="modules"/>
    /// (import names: <c>numpy</c>, <c>PIL</c>, <c>torch</c>). Throws a <see cref="LokiException"/> with
    /// <see cref="LokiCodes.PythonNotFound"/> naming the exact fix when none fits.
    /// </summary>
    public static async Task<PythonInterpreter> FindAsync(IReadOnlyCollection<string> modules, CancellationToken cancellationToken = default)
    {
        var wanted = modules.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var tried = new List<string>();
        foreach (var candidate in Candidates())
        {
            var probe = await Probes.GetOrAdd(candidate + "\n" + string.Join(",", wanted), _ => ProbeAsync(candidate, wanted, cancellationToken)).ConfigureAwait(false);
            if (probe.Interpreter is { } found)
            {
                return found;
            }

            tried.Add($"{candidate} ({probe.Problem})");
        }

        var need = wanted.Length == 0 ? "Python 3.10+" : $"Python 3.10+ with {string.Join(", ", wanted)}";
        var fix = $"install it (Debian: apt-get install python3 {string.Join(" ", wanted.Select(DebianPackage).Where(p => p.Length > 0))}) or set {EnvironmentVariable} to an interpreter that has them";
        var seen = tried.Count == 0 ? "no python3 on PATH or at /usr/bin/python3" : "tried " + string.Join("; ", tried);
        throw new LokiException(new LokiDiagnostic(LokiCodes.PythonNotFound, DiagnosticSeverity.Error, $"{need} not found ({seen}); {fix}"));
    }

    private static async Task<Probe> ProbeAsync(string python, string[] modules, CancellationToken cancellationToken)
    {
        // One process answers both questions; each import is tried separately so the report names the missing one.
        var script = "import sys, importlib\nprint('%d.%d.%d' % sys.version_info[:3])\n"
            + string.Concat(modules.Select(m => $"try:\n    importlib.import_module('{m}')\nexcept Exception:\n    print('missing {m}')\n"));
        try
        {
            var result = await Cli.Wrap(python).WithArguments(["-c", script]).WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(cancellationToken).ConfigureAwait(false);
            var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (result.ExitCode != 0 || lines.Length == 0 || !Version.TryParse(lines[0], out var version))
            {
                return new Probe(null, "does not run");
            }

            if (version < PythonInterpreter.Minimum)
            {
                return new Probe(null, $"Python {version.ToString(3)} is older than 3.10");
            }

            var missing = lines.Skip(1).Where(l => l.StartsWith("missing ", StringComparison.Ordinal)).Select(l => l[8..]).ToList();
            return missing.Count > 0
                ? new Probe(null, "cannot import " + string.Join(", ", missing))
                : new Probe(new PythonInterpreter(python, version), string.Empty);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return new Probe(null, "cannot be started: " + ex.Message);
        }
    }

    private static string DebianPackage(string module) => module switch
    {
        "numpy" => "python3-numpy",
        "PIL" => "python3-pil",
        "torch" => "python3-torch",
        "yaml" => "python3-yaml",
        "aiohttp" => "python3-aiohttp",
        _ => string.Empty,
    };

    private sealed record Probe(PythonInterpreter? Interpreter, string Problem);

    /// <summary>Forgets cached probes (tests change <c>LOKI_PYTHON</c>).</summary>
    internal static void ClearCache() => Probes.Clear();

    internal static string Describe(PythonInterpreter python) =>
        string.Create(CultureInfo.InvariantCulture, $"{python.Path} ({python.Version})");
}
