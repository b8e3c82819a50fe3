using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;
using Loki.Core.Diagnostics;

namespace Loki.Core.Requirements;

/// <summary>
/// Lists the imports of Python files with Python's own <c>ast</c> (through a helper script run by the interpreter;
/// nothing is imported or executed), so conditional, lazy and multi-line imports are all seen.
/// </summary>
public static class ImportScanner
{
    private static readonly Lazy<string> Helper = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Loki.Core.Resources.python/list_imports.py")
            ?? throw new InvalidOperationException("embedded list_imports.py is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>Scans <paramref name="files"/> in one interpreter run. Unreadable files are reported, not fatal.</summary>
    public static ImmutableArray<PythonImport> Scan(IReadOnlyList<string> files, DiagnosticBag diagnostics, string? python = null)
    {
        if (files.Count == 0)
        {
            return [];
        }

        var run = PythonProcess.Run(python ?? PythonProcess.DefaultInterpreter, ["-c", Helper.Value, .. files]);
        if (run.ExitCode != 0)
        {
            diagnostics.Error(LokiCodes.RequirementImportScanFailed, $"the import scanner failed: {FirstLine(run.Stderr)}", files[0]);
            return [];
        }

        var result = ImmutableArray.CreateBuilder<PythonImport>();
        using var doc = JsonDocument.Parse(run.Stdout);
        foreach (var file in doc.RootElement.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (file.Value.GetProperty("error") is { ValueKind: JsonValueKind.String } error)
            {
                diagnostics.Error(LokiCodes.RequirementImportScanFailed, $"cannot read imports: {error.GetString()}", file.Name);
                continue;
            }

            foreach (var imp in file.Value.GetProperty("imports").EnumerateArray())
            {
                result.Add(new PythonImport(
                    imp.GetProperty("module").GetString()!,
                    file.Name,
                    imp.GetProperty("line").GetInt32(),
                    imp.GetProperty("optional").GetBoolean(),
                    imp.GetProperty("stdlib").GetBoolean()));
            }
        }

        return result.ToImmutable();
    }

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no output";
}
