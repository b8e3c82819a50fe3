using Loki.Core.Diagnostics;

namespace Loki.Core.Splitting;

/// <summary>Splits every workflow under a folder (JSON, PNG, WebP), checks each split in memory and nothing is written.</summary>
public static class SplitBatch
{
    private static readonly string[] Extensions = [".json", ".png", ".webp"];

    /// <summary>One outcome per workflow file, by relative path; files that are not workflows are left out.</summary>
    public static IReadOnlyList<SplitOutcome> Run(string directory, SplitOptions options)
    {
        var outcomes = new List<SplitOutcome>();
        var files = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var name = Path.GetRelativePath(directory, file).Replace('\\', '/');
            outcomes.Add(One(file, name, options) ?? new SplitOutcome(name, null, null));
        }

        return outcomes.Where(o => o.Name.Length > 0).ToList();
    }

    /// <summary>Splits and checks one workflow; null when the file is not a workflow at all.</summary>
    public static SplitOutcome? One(string file, string name, SplitOptions options)
    {
        SplitResult split;
        try
        {
            split = WorkflowSplitter.Split(file, options);
        }
        catch (LokiException)
        {
            return new SplitOutcome("", null, null);
        }

        if (split.Diagnostics.Any(d => d.Code == LokiCodes.SplitNotConvertible))
        {
            return new SplitOutcome(name, null, null);
        }

        return new SplitOutcome(name, split, split.Succeeded && split.HasSubflows ? Check(split, options) : null);
    }

    /// <summary>
    /// The check as <c>loki split</c> runs it: the flows and the parent in the UI form it writes, read back through
    /// UI → API, inlined; null when equivalent, else the first difference.
    /// </summary>
    public static string? Check(SplitResult split, SplitOptions options)
    {
        var diagnostics = new DiagnosticBag();
        var back = SplitForms.Build(split, options.Schemas, diagnostics)?.ReadBack(diagnostics);
        if (back is not { } b)
        {
            return "the written forms do not convert: " + string.Join("; ", diagnostics.Items.Where(d => d.IsError).Select(d => d.Code + " " + d.Message).Take(1));
        }

        return SplitChecker.Check(split, b.Parent, b.Flows)?.Message;
    }
}
