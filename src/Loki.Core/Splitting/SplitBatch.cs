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

        var check = split.Succeeded && split.HasSubflows ? SplitChecker.Check(split, split.Parent, split.FlowPrompts())?.Message : null;
        return new SplitOutcome(name, split, check);
    }
}
