using Loki.Core.Schemas;
using Loki.Core.Splitting;
using Loki.Core.Tests.Conversion;
using Loki.Tests;

namespace Loki.Core.Tests.Splitting;

/// <summary>Splits every workflow of the shared corpus once per test run (frontend pairs, oracle pairs, single workflows).</summary>
internal static class SplitCorpus
{
    private static readonly Lazy<IReadOnlyList<SplitOutcome>> OutcomesLazy = new(RunAll);

    /// <summary>Every workflow's outcome, by set then path.</summary>
    public static IReadOnlyList<SplitOutcome> Outcomes => OutcomesLazy.Value;

    /// <summary>The corpus files split: set name, schemas, files.</summary>
    public static IEnumerable<(string Set, SchemaSet Schemas, IEnumerable<string> Files)> Sets()
    {
        var corpus = RepoPaths.Corpus!;
        yield return ("frontend-pairs", SchemaSet.Catalogue, ConformanceCorpus.PairFiles("frontend-pairs"));
        yield return ("pairs", ConformanceCorpus.AllSchemas, ConformanceCorpus.PairFiles("pairs"));
        yield return ("workflows", ConformanceCorpus.AllSchemas, Directory.EnumerateFiles(Path.Combine(corpus, "workflows"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
    }

    private static List<SplitOutcome> RunAll()
    {
        var result = new List<SplitOutcome>();
        foreach (var (set, schemas, files) in Sets())
        {
            var root = Path.Combine(RepoPaths.Corpus!, set);
            foreach (var file in files)
            {
                var name = set + "/" + Path.GetRelativePath(root, file).Replace('\\', '/');
                if (SplitBatch.One(file, name, SplitOptions.Default with { Schemas = schemas }) is { Name.Length: > 0 } outcome)
                {
                    result.Add(outcome);
                }
            }
        }

        return result;
    }
}
