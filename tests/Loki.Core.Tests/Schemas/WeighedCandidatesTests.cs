using System.Text;
using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Schemas;
using Loki.Tests;

namespace Loki.Core.Tests.Schemas;

/// <summary>
/// A warm run leaves unread a cached dump's definition that the catalogue's outranks and weighs the same as
/// (<see cref="WidgetFitKey"/>, kept in the index), and a first run leaves it unparsed: <see cref="SchemaSet.WeighedCandidates"/> leaves
/// it out, <see cref="SchemaSet.Candidates"/> still lists it, and every conversion is the same as with every definition read.
/// </summary>
public sealed class WeighedCandidatesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("loki-weighed-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string SchemaDir => Path.Combine(RepoPaths.Corpus!, "schemas");

    [CorpusFact]
    public void A_definition_that_weighs_as_the_catalogues_below_it_is_never_read()
    {
        var dump = Dump("d.json");
        var cache = new DumpIndexCache(Path.Combine(_dir, "cache"), TimeSpan.Zero);
        var cold = SchemaSet.Load([dump], true, cache);
        Assert.Same(SchemaSet.Catalogue.Find("CLIPTextEncode"), Assert.Single(cold.WeighedCandidates("CLIPTextEncode")));
        Assert.False(cold.IsResolved("CLIPTextEncode"));
        Assert.Equal(2, cold.Candidates("CLIPTextEncode").Count);
        var set = SchemaSet.Load([dump], true, cache);
        Assert.Equal(1, cache.Hits);

        // Cut short under the running set: whatever is read of it from now on fails.
        File.WriteAllText(dump, "{}");

        Assert.Same(SchemaSet.Catalogue.Find("CLIPTextEncode"), Assert.Single(set.WeighedCandidates("CLIPTextEncode")));
        Assert.False(set.IsResolved("CLIPTextEncode"));
        Assert.Equal(LokiCodes.SchemaInvalid, Assert.Throws<LokiException>(() => set.Candidates("CLIPTextEncode")).Diagnostic.Code);

        // Another option list weighs otherwise: both are weighed, so the dump's is read.
        Assert.Equal(LokiCodes.SchemaInvalid, Assert.Throws<LokiException>(() => set.WeighedCandidates("KSampler")).Diagnostic.Code);
    }

    [CorpusFact]
    public void A_dump_that_outranks_the_catalogue_has_every_definition_weighed()
    {
        // A newer ComfyUI's definition is chosen on a tie, so it is never left out (nor is the catalogue's, unread).
        var dump = Dump("comfyui-9.9.9-custom.object_info.json");
        var cache = new DumpIndexCache(Path.Combine(_dir, "cache"), TimeSpan.Zero);
        _ = SchemaSet.Load([dump], true, cache);
        var set = SchemaSet.Load([dump], true, cache);
        Assert.Equal(1, cache.Hits);
        Assert.Equal(set.Candidates("CLIPTextEncode"), set.WeighedCandidates("CLIPTextEncode"));
        Assert.Equal("9.9.9", set.WeighedCandidates("CLIPTextEncode")[0].Origin?.ComfyVersion);
    }

    [CorpusFact]
    public void Every_pair_converts_the_same_with_a_warm_cache_as_with_every_definition_read()
    {
        var dumps = Directory.EnumerateFiles(Path.Combine(SchemaDir, "object_info_dumps"), "*.json", SearchOption.AllDirectories)
            .Where(f => !SchemaOrigin.IsStatsFile(f)).Order(StringComparer.Ordinal).ToList();
        var (compared, left) = (0, 0);
        var differences = new List<string>();
        foreach (var dump in dumps)
        {
            var cache = new DumpIndexCache(Path.Combine(_dir, "cache"), TimeSpan.Zero);
            _ = SchemaSet.Load([dump], true, cache);
            var (eager, warm) = (SchemaSet.Load([dump], true, lazy: false), SchemaSet.Load([dump], true, cache));
            Assert.Equal(1, cache.Hits);
            foreach (var file in Conversion.ConformanceCorpus.PairFiles("frontend-pairs"))
            {
                compared++;
                if (LazySchemaSetTests.Convert(file, eager) != LazySchemaSetTests.Convert(file, warm))
                {
                    differences.Add($"{Path.GetFileName(Path.GetDirectoryName(dump))}: {Path.GetRelativePath(RepoPaths.Corpus!, file)}");
                }
            }

            left += SchemaSet.Catalogue.ClassTypes.Count(c => warm.Candidates(c).Count > warm.WeighedCandidates(c).Count);
        }

        Assert.True(differences.Count == 0, string.Join("\n", differences.Take(20)));
        Assert.True(compared > 700 && left > 100, $"{compared} conversions, {left} definitions left out");
    }

    // A dump (no version in its name unless given) with the catalogue's CLIPTextEncode under another description (the
    // same weighing) and its KSampler with one more sampler (another weighing).
    private string Dump(string name)
    {
        var clip = Catalogue("CLIPTextEncode");
        clip["description"] = "said otherwise";
        var ksampler = Catalogue("KSampler");
        ((JsonArray)ksampler["input"]!["required"]!["sampler_name"]![0]!).Add("another_sampler");
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, new JsonObject { ["CLIPTextEncode"] = clip, ["KSampler"] = ksampler }.ToJsonString(), new UTF8Encoding(false));
        return path;
    }

    private static JsonObject Catalogue(string classType) => (JsonObject)JsonNode.Parse(SchemaSet.CatalogueTextOf(classType)!.Value.Span)!;
}
