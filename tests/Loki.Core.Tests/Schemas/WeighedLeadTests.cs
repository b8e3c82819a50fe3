using System.Text;
using System.Text.Json.Nodes;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Diagnostics;
using Loki.Core.Schemas;
using Loki.Core.Workflows;
using Loki.Tests;

namespace Loki.Core.Tests.Schemas;

/// <summary>
/// <see cref="CandidatePlan.Lead"/>: the catalogue's definition, first among the weighed candidates by provenance
/// alone, known without reading a dump's. A node whose widgets fit it perfectly uses it, so the dump's definition of its
/// class (another list of samplers) is never read, parsed nor weighed; a node that does not fit it weighs them all.
/// The choice is always the one weighing every candidate gives, and the lead stays what it is whatever nodes of the
/// class came before.
/// </summary>
public sealed class WeighedLeadTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("loki-lead-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [CorpusFact]
    public void A_node_that_fits_the_catalogues_definition_leaves_the_dumps_unread()
    {
        var dump = Dump("d.json");
        var cache = new DumpIndexCache(Path.Combine(_dir, "cache"), TimeSpan.Zero);
        _ = SchemaSet.Load([dump], true, cache);
        var set = SchemaSet.Load([dump], true, cache);
        Assert.Equal(1, cache.Hits);
        Assert.Same(SchemaSet.Catalogue.Find("KSampler"), Lead(set, "KSampler"));

        // Cut short under the running set: whatever is read of it from now on fails.
        var expected = Convert(KSampler("euler"), SchemaSet.Load([dump], true, lazy: false));
        File.WriteAllText(dump, "{}");
        Assert.Equal(expected, Convert(KSampler("euler"), set));
        Assert.False(set.IsResolved("KSampler"));

        // The dump's own sampler fits only the dump's definition: both are weighed, so the dump's is read.
        Assert.Contains(LokiCodes.SchemaInvalid, Convert(KSampler("another_sampler"), set));
    }

    [CorpusFact]
    public void A_node_that_fits_only_the_dumps_definition_uses_it()
    {
        var dump = Dump("d.json");
        var cache = new DumpIndexCache(Path.Combine(_dir, "cache"), TimeSpan.Zero);
        foreach (var set in new[] { SchemaSet.Load([dump], true, cache), SchemaSet.Load([dump], true, cache), SchemaSet.Load([dump], true, lazy: false) })
        {
            var node = Node(KSampler("another_sampler"));
            Assert.Equal("another_sampler", SchemaChoice.For(set, "KSampler", node)!.Input("sampler_name")!.Choices!.Last()!.ToString());
            Assert.Equal(SchemaSet.Catalogue.Find("KSampler")!.Origin, SchemaChoice.For(set, "KSampler", Node(KSampler("euler")))!.Origin);
        }
    }

    [CorpusFact]
    public void A_dump_that_repeats_the_catalogue_leaves_nothing_to_weigh()
    {
        // The reference dump is the catalogue's own: every class's definition is dropped as its twin, so no node of any
        // class is weighed (no lead, one weighed candidate), warm or cold; named with its version (a tie with the
        // catalogue's) and without (the catalogue's outranks it).
        var reference = Path.Combine(RepoPaths.Corpus!, "schemas", "reference", "comfyui-0.3.64-core.object_info.json");
        var unnamed = Path.Combine(_dir, "core.json");
        File.Copy(reference, unnamed);
        File.SetLastWriteTimeUtc(unnamed, DateTime.UtcNow.AddMinutes(-1));
        foreach (var dump in new[] { reference, unnamed })
        {
            var cache = new DumpIndexCache(Path.Combine(_dir, "cache"), TimeSpan.Zero);
            foreach (var set in new[] { SchemaSet.Load([dump], true, cache), SchemaSet.Load([dump], true, cache) })
            {
                Assert.All(SchemaSet.Catalogue.ClassTypes, c => Assert.Null(Lead(set, c)));
                Assert.All(SchemaSet.Catalogue.ClassTypes, c => Assert.Single(set.WeighedCandidates(c)));
            }

            Assert.Equal(1, cache.Hits);
        }
    }

    [CorpusFact]
    public void The_lead_is_the_first_weighed_candidate_and_every_corpus_node_chooses_as_weighing_all_does()
    {
        // Each corpus dump as it is (no version: the catalogue outranks it), cold and warm, and copied under a newer
        // ComfyUI's name (it outranks the catalogue: never a lead).
        var dumps = Directory.EnumerateFiles(Path.Combine(RepoPaths.Corpus!, "schemas", "object_info_dumps"), "*.json", SearchOption.AllDirectories)
            .Where(f => !SchemaOrigin.IsStatsFile(f)).Order(StringComparer.Ordinal).ToList();
        var newer = Path.Combine(_dir, "newer", "comfyui-0.9.0-all.object_info.json");
        Directory.CreateDirectory(Path.GetDirectoryName(newer)!);
        File.Copy(dumps.MaxBy(d => new FileInfo(d).Length)!, newer);
        File.SetLastWriteTimeUtc(newer, DateTime.UtcNow.AddMinutes(-1));
        var graphs = Conversion.ConformanceCorpus.PairFiles("frontend-pairs").Select(f => WorkflowLoader.Load(f).UiView).OfType<UiWorkflow>().SelectMany(w => w.Graphs).ToList();
        var (leads, shortened, weighed) = (0, 0, 0);
        foreach (var dump in dumps.Append(newer))
        {
            var cache = new DumpIndexCache(Path.Combine(_dir, "cache"), TimeSpan.Zero);
            foreach (var set in new[] { SchemaSet.Load([dump], true, cache), SchemaSet.Load([dump], true, cache) })
            {
                // Each node chosen first, as a run does (its class's other definitions then still unread where it fits
                // the lead), then against every candidate weighed.
                foreach (var node in graphs.SelectMany(g => g.Nodes))
                {
                    var chosen = SchemaChoice.For(set, node.Type, node);
                    shortened += Lead(set, node.Type) is not null && !set.IsResolved(node.Type) ? 1 : 0;
                    Assert.Same(SchemaChoice.For(set.WeighedCandidates(node.Type), node.WidgetValues, node.NamedWidgetValues), chosen);
                    weighed += set.WeighedCandidates(node.Type).Count > 1 ? 1 : 0;
                }

                // Every class's lead on a set that has weighed nothing yet: the first weighed candidate.
                var fresh = SchemaSet.Load([dump], true, cache);
                foreach (var classType in SchemaSet.Catalogue.ClassTypes)
                {
                    if (Lead(fresh, classType) is { } lead)
                    {
                        Assert.NotEqual(newer, dump);
                        Assert.Same(fresh.WeighedCandidates(classType)[0], lead);
                        leads++;
                    }
                }
            }
        }

        Assert.True(leads > 200 && shortened > 100 && weighed > 4000, $"{leads} leads, {shortened} nodes chosen before their class was ranked, {weighed} nodes with a choice");
    }

    [CorpusFact]
    public void The_lead_is_the_same_whatever_nodes_of_its_class_came_before()
    {
        // One set weighs a node that fits only the dump's definition first (the class's candidates are then all read),
        // the other a node that fits the catalogue's: each then meets the other node. Both weigh the lead first for
        // both nodes, and choose alike; in the second, the fitting node came first and left the dump's definition unread.
        var dump = Dump("d.json");
        var cache = new DumpIndexCache(Path.Combine(_dir, "cache"), TimeSpan.Zero);
        _ = SchemaSet.Load([dump], true, cache);
        var (misfitFirst, fitFirst) = (SchemaSet.Load([dump], true, cache), SchemaSet.Load([dump], true, cache));
        var (fits, misfits) = (Node(KSampler("euler")), Node(KSampler("another_sampler")));

        var dumps = SchemaChoice.For(misfitFirst, "KSampler", misfits);
        Assert.True(misfitFirst.IsResolved("KSampler"));
        Assert.Same(SchemaSet.Catalogue.Find("KSampler"), Lead(misfitFirst, "KSampler"));
        Assert.Same(Lead(misfitFirst, "KSampler"), SchemaChoice.For(misfitFirst, "KSampler", fits));

        Assert.Same(Lead(fitFirst, "KSampler"), SchemaChoice.For(fitFirst, "KSampler", fits));
        Assert.False(fitFirst.IsResolved("KSampler"));
        Assert.Equal(dumps!.Origin, SchemaChoice.For(fitFirst, "KSampler", misfits)!.Origin);
        Assert.Same(SchemaSet.Catalogue.Find("KSampler"), Lead(fitFirst, "KSampler"));

        // A plan made after the class was read still starts from the lead.
        var resolved = SchemaSet.Load([dump], true, cache);
        _ = resolved.WeighedCandidates("KSampler");
        Assert.Same(SchemaSet.Catalogue.Find("KSampler"), Lead(resolved, "KSampler"));
    }

    private static NodeSchema? Lead(SchemaSet set, string classType) => CandidatePlan.Of(set, classType)?.Lead;

    private string Convert(string workflow, SchemaSet set) => LazySchemaSetTests.Convert(Write(workflow), set);

    private UiNode Node(string workflow) => WorkflowLoader.Load(Write(workflow)).UiView!.Root.Nodes[0];

    private string Write(string workflow)
    {
        var path = Path.Combine(_dir, $"w{Guid.NewGuid():N}.json");
        File.WriteAllText(path, workflow);
        return path;
    }

    private static string KSampler(string sampler) => $$"""
        {"nodes": [{"id": 1, "type": "KSampler", "mode": 0, "order": 0, "inputs": [{"name": "model", "type": "MODEL", "link": null}],
          "outputs": [{"name": "LATENT", "type": "LATENT", "links": []}], "widgets_values": [7, "fixed", 20, 8, "{{sampler}}", "normal", 1]}],
         "links": [], "version": 0.4}
        """;

    // A dump (no version in its name) with the catalogue's KSampler and one more sampler (another weighing).
    private string Dump(string name)
    {
        var ksampler = (JsonObject)JsonNode.Parse(SchemaSet.CatalogueTextOf("KSampler")!.Value.Span)!;
        ((JsonArray)ksampler["input"]!["required"]!["sampler_name"]![0]!).Add("another_sampler");
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, new JsonObject { ["KSampler"] = ksampler }.ToJsonString(), new UTF8Encoding(false));
        return path;
    }
}
