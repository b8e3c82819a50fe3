using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using Loki.Core.Diagnostics;

namespace Loki.Core.Requirements;

/// <summary>
/// Resolves the merged requirements with pip itself (<c>pip install --dry-run --ignore-installed --report</c>)
/// against a given index, so "installable" means what pip says, not what a regex says. Nothing is installed.
/// A failure is mapped back to the node lines that asked for the packages pip names.
/// </summary>
public static partial class PipResolver
{
    [GeneratedRegex(@"requirement (?<req>[^\s(]+)", RegexOptions.CultureInvariant)]
    private static partial Regex RequirementMention();

    [GeneratedRegex(@"^\s+(?:The user requested|(?<by>\S+) \S+ depends on) (?<req>\S+)", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex ConflictCause();

    [GeneratedRegex(@"requirements\.txt \(line (?<n>\d+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex LineMention();

    /// <summary>Resolves <paramref name="merged"/>; returns the packages pip would install (empty on failure, with errors in <paramref name="diagnostics"/>).</summary>
    public static ImmutableArray<ResolvedPackage> Resolve(
        IReadOnlyList<MergedRequirement> merged, PackageIndex index, DiagnosticBag diagnostics, string? python = null)
    {
        if (merged.Count == 0)
        {
            return [];
        }

        var dir = Directory.CreateTempSubdirectory("loki-pip-");
        try
        {
            var reqFile = Path.Combine(dir.FullName, "requirements.txt");
            var reportFile = Path.Combine(dir.FullName, "report.json");
            File.WriteAllText(reqFile, string.Concat(merged.Select(m => m.Line + "\n")));
            string[] args =
            [
                "-m", "pip", "install", "--dry-run", "--ignore-installed", "--no-cache-dir", "--progress-bar", "off",
                "--report", reportFile, .. index.PipArguments(), "-r", reqFile,
            ];
            var run = PythonProcess.Run(python ?? PythonProcess.DefaultInterpreter, args, dir.FullName);
            if (run.ExitCode != 0)
            {
                ReportFailure(run, merged, index, diagnostics);
                return [];
            }

            return ReadReport(reportFile, diagnostics);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static ImmutableArray<ResolvedPackage> ReadReport(string reportFile, DiagnosticBag diagnostics)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(reportFile));
            return [.. doc.RootElement.GetProperty("install").EnumerateArray()
                .Select(i => new ResolvedPackage(
                    i.GetProperty("metadata").GetProperty("name").GetString()!,
                    i.GetProperty("metadata").GetProperty("version").GetString()!,
                    i.TryGetProperty("requested", out var r) && r.GetBoolean()))
                .OrderBy(p => Requirement.NormalizeName(p.Name), StringComparer.Ordinal)];
        }
        catch (Exception ex) when (ex is IOException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            diagnostics.Error(LokiCodes.RequirementPipFailed, $"cannot read pip's report: {ex.Message}", reportFile);
            return [];
        }
    }

    private static void ReportFailure(PythonProcess.Result run, IReadOnlyList<MergedRequirement> merged, PackageIndex index, DiagnosticBag diagnostics)
    {
        var text = run.Stderr + "\n" + run.Stdout;
        if (run.ExitCode == -1 || text.Contains("No module named pip", StringComparison.Ordinal))
        {
            diagnostics.Error(LokiCodes.RequirementPipFailed, $"pip could not run: {Summary(text)} (install python3-pip)");
            return;
        }

        // Which of our packages does pip's message name? Those nodes' lines are the ones to look at.
        var mentioned = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in RequirementMention().Matches(text))
        {
            mentioned.Add(KeyOf(m.Groups["req"].Value));
        }

        foreach (Match m in ConflictCause().Matches(text))
        {
            mentioned.Add(KeyOf(m.Groups["req"].Value));
            if (m.Groups["by"].Success)
            {
                mentioned.Add(KeyOf(m.Groups["by"].Value));
            }
        }

        // pip cites our own file by line ("-r requirements.txt (line 2)"): line N is merged[N - 1].
        var byLine = LineMention().Matches(text).Select(m => int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture))
            .Where(n => n >= 1 && n <= merged.Count).Select(n => merged[n - 1].Key);
        mentioned.UnionWith(byLine);
        var culprits = merged.Where(m => mentioned.Contains(m.Key)).ToList();
        var why = Summary(text);
        if (culprits.Count == 0)
        {
            diagnostics.Error(LokiCodes.RequirementUnresolvable, $"pip cannot resolve the pack's requirements against {index}: {why}");
            return;
        }

        foreach (var culprit in culprits)
        {
            foreach (var source in culprit.Sources)
            {
                diagnostics.Error(LokiCodes.RequirementUnresolvable,
                    $"{source}: pip cannot install '{culprit.Line}' from {index}: {why}", source.File, line: source.Line);
            }
        }
    }

    private static string KeyOf(string requirement)
    {
        var name = Regex.Match(requirement, @"^[A-Za-z0-9._-]+").Value.TrimEnd('.', '-', '_');
        return Requirement.NormalizeName(name);
    }

    private static string Summary(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.StartsWith("ERROR:", StringComparison.Ordinal) || l.Contains("depends on", StringComparison.Ordinal) || l.StartsWith("The user requested", StringComparison.Ordinal))
            .Select(l => l.StartsWith("ERROR: ", StringComparison.Ordinal) ? l[7..] : l)
            .Take(4)
            .ToList();
        return lines.Count > 0 ? string.Join("; ", lines) : text.Trim().Split('\n').LastOrDefault() ?? "no output";
    }
}
