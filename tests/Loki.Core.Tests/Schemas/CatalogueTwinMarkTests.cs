using System.Text;
using Loki.Core.Diagnostics;
using Loki.Core.Schemas;
using Loki.Tests;

namespace Loki.Core.Tests.Schemas;

/// <summary>
/// A dump's cached index marks each class whose text is the shipped catalogue's, white space aside (judged once, when
/// the index is made): a warm run then takes the catalogue's parsed definition for it without reading the dump's text.
/// The marks are exactly what the per-class comparison finds, for every corpus dump, and a warm set equals the eager load;
/// so are the marks of a definition that is not the catalogue's but fits nodes as it does (<see cref="WidgetFitKey"/>).
/// </summary>
public sealed class CatalogueTwinMarkTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("loki-twinmark-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [CorpusFact]
    public void Every_corpus_dump_index_marks_exactly_the_classes_whose_text_is_the_catalogues()
    {
        var dumps = Directory.EnumerateFiles(Path.Combine(RepoPaths.Corpus!, "schemas"), "*.json", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("system_stats.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var (marked, unmarked, fitting) = (0, 0, 0);
        foreach (var dump in dumps)
        {
            var cache = new DumpIndexCache(Path.Combine(_dir, "cache"), TimeSpan.Zero);
            _ = SchemaSet.Load([dump], true, cache);
            if (cache.Open(dump, new SchemaOrigin(dump, null), out _) is not { } opened)
            {
                continue;
            }

            var bytes = File.ReadAllBytes(dump).AsMemory(opened.Table.Skipped);
            foreach (var entry in opened.Table.Definitions()!)
            {
                var text = bytes.Span.Slice(entry.Start, entry.Length);
                var catalogue = SchemaSet.CatalogueTextOf(entry.ClassType);
                var expected = catalogue is { } own && JsonWhiteSpace.SameTokens(text, own.Span);
                Assert.True(expected == entry.CatalogueTwin, $"{dump}: {entry.ClassType}");
                _ = expected ? marked++ : unmarked++;

                // The fit mark: not the catalogue's text, but its key (WidgetFitKey), which the run then need not read.
                var fits = catalogue is { } theirs && !expected && WidgetFitKey.Of(text) == WidgetFitKey.Of(theirs.Span);
                Assert.True(fits == entry.WeighsAsCatalogue, $"{dump}: {entry.ClassType} fit");
                fitting += fits ? 1 : 0;
            }

            Assert.Equal(LazySchemaSetTests.Outcome(() => SchemaSet.Load([dump], true, lazy: false)), LazySchemaSetTests.Outcome(() => SchemaSet.Load([dump], true, cache)));
        }

        Assert.Null(SchemaSet.CatalogueTextOf("No such class")); // (not an empty text: every class would be judged against it)
        Assert.True(marked > 300 && unmarked > 1000 && fitting > 150, $"{marked} marked, {unmarked} not, {fitting} fit as the catalogue's");
    }

    [CorpusFact]
    public void A_warm_set_takes_a_marked_class_from_the_catalogue_without_reading_the_dump()
    {
        var ksampler = Encoding.UTF8.GetString(SchemaSet.CatalogueTextOf("KSampler")!.Value.Span);
        var other = """{"input": {"required": {"x": ["INT"]}}, "output": []}""";
        var dump = Path.Combine(_dir, "d.json");
        File.WriteAllText(dump, "{\"Other\": " + other + ",\n \"KSampler\":\n  " + ksampler + "\n}", new UTF8Encoding(false));
        var cache = new DumpIndexCache(Path.Combine(_dir, "cache"), TimeSpan.Zero);
        _ = SchemaSet.Load([dump], true, cache);
        var set = SchemaSet.Load([dump], true, cache);
        Assert.Equal(1, cache.Hits);

        // Cut short under the running set: the unmarked class's read fails, the marked one is never read.
        File.WriteAllText(dump, "{}");

        Assert.Same(SchemaSet.Catalogue.Find("KSampler")!.Raw, set.Find("KSampler")!.Raw);
        Assert.Single(set.Candidates("KSampler"));
        Assert.Equal(LokiCodes.SchemaInvalid, Assert.Throws<LokiException>(() => set.Find("Other")).Diagnostic.Code);
    }
}
