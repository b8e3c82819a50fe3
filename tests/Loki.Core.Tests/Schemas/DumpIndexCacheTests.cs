using System.Text;
using Loki.Core.Diagnostics;
using Loki.Core.Schemas;
using Loki.Tests;

namespace Loki.Core.Tests.Schemas;

/// <summary>
/// The dump index cache (issue 10): a dump read before and unchanged since is not read again, and a set loaded with
/// the cache, by the run that stores the index or any run after it, is the set loaded without one (classes,
/// candidates, warnings, errors). Every way the cache could be wrong is a miss: an edited dump, a damaged or foreign
/// index file, a folder that cannot be written, writers racing.
/// </summary>
public sealed class DumpIndexCacheTests : IDisposable
{
    private const string Good = """{"input": {"required": {"x": ["INT", {"default": 1}]}}, "output": ["IMAGE"]}""";
    private readonly string _dir = Directory.CreateTempSubdirectory("loki-dumpcache-").FullName;

    private string CacheDir => Path.Combine(_dir, "cache");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [MemberData(nameof(DumpIndexTests.OddDumps), MemberType = typeof(DumpIndexTests))]
    public void An_odd_dump_loads_through_the_cache_as_it_loads_eagerly(string why, string json)
    {
        Assert.False(string.IsNullOrEmpty(why));
        foreach (var bom in new[] { false, true })
        {
            var file = Write("odd.json", json, bom);
            var cache = NewCache();
            foreach (var catalogue in new[] { false, true })
            {
                var eager = LazySchemaSetTests.Outcome(() => SchemaSet.Load([file], catalogue, lazy: false));
                Assert.Equal(eager, LazySchemaSetTests.Outcome(() => SchemaSet.Load([file], catalogue, cache)));
                Assert.Equal(eager, LazySchemaSetTests.Outcome(() => SchemaSet.Load([file], catalogue, cache)));
            }

            // An index is stored only for what indexes cleanly; an error is met again on every run, never cached away.
            var fails = LazySchemaSetTests.Outcome(() => SchemaSet.Load([file], false, lazy: false)).StartsWith("error", StringComparison.Ordinal);
            Assert.Equal(fails ? 0 : 1, cache.Writes);
            Assert.Equal(fails ? 0 : 3, cache.Hits);
        }
    }

    [CorpusFact]
    public void Every_corpus_dump_loads_through_the_cache_as_it_loads_eagerly()
    {
        var cache = NewCache();
        var files = Directory.EnumerateFiles(Path.Combine(RepoPaths.Corpus!, "schemas"), "*.json", SearchOption.AllDirectories)
            .Where(f => !SchemaOrigin.IsStatsFile(f)).Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            var eager = LazySchemaSetTests.Outcome(() => SchemaSet.Load([file], true, lazy: false));
            Assert.Equal(eager, LazySchemaSetTests.Outcome(() => SchemaSet.Load([file], true, cache)));
            Assert.Equal(eager, LazySchemaSetTests.Outcome(() => SchemaSet.Load([file], true, cache)));
        }

        Assert.True(cache.Writes >= 10, $"{cache.Writes} index files for {files.Count} dumps");
        Assert.Equal(cache.Writes, cache.Hits);
    }

    [Fact]
    public void A_cached_dump_is_read_only_for_the_classes_asked_for_and_keeps_its_warnings()
    {
        var file = Write("d.json", "{\"Used\": " + Good + ", \"Bad\": 5, \"Unused\": " + Good.Replace("IMAGE", "LATENT", StringComparison.Ordinal) + "}");
        var cache = NewCache();
        _ = SchemaSet.Load([file], false, cache);

        var set = SchemaSet.Load([file], false, cache);

        Assert.Equal(1, cache.Hits);
        Assert.Equal(["$.Bad"], set.Diagnostics.Select(d => d.JsonPath));
        Assert.Equal(LokiCodes.SchemaBadNode, Assert.Single(set.Diagnostics).Code);
        Assert.Equal("IMAGE", set.Find("Used")!.Outputs[0].Type);
        Assert.False(set.IsResolved("Unused"));
        Assert.Equal("LATENT", set.Find("Unused")!.Outputs[0].Type);
    }

    [Fact]
    public void A_class_the_dump_skips_is_none_of_its_own_when_asked_for_by_name()
    {
        var file = Write("d.json", "{\"KSampler\": 5, \"Bad\": [], \"A\": " + Good + "}");
        var cache = NewCache();
        var loads = new Func<SchemaSet>[] { () => SchemaSet.Load([file], true, lazy: false), () => SchemaSet.Load([file]), () => SchemaSet.Load([file], true, cache), () => SchemaSet.Load([file], true, cache) };
        foreach (var load in loads)
        {
            // Asked for by name first (the look-up path), not through the list of classes.
            var set = load();
            Assert.Null(set.Find("Bad"));
            Assert.Equal(SchemaSet.Catalogue.Find("KSampler")!.Raw.ToJsonString(), Assert.Single(set.Candidates("KSampler")).Raw.ToJsonString());
            Assert.Equal(["$.KSampler", "$.Bad"], set.Diagnostics.Select(d => d.JsonPath));
            Assert.NotNull(set.Find("A"));
        }

        Assert.Equal((1, 1), (cache.Writes, cache.Hits));
    }

    [Fact]
    public void A_dump_edited_in_place_with_its_size_and_time_kept_is_read_again()
    {
        var file = Write("d.json", "{\"A\": " + Good + "}");
        var time = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(file, time);
        var cache = NewCache();
        _ = SchemaSet.Load([file], false, cache);
        Assert.Equal(1, cache.Writes);

        // Same length, same modification time, other content: only the change time (and the content) tell.
        File.WriteAllText(file, "{\"A\": " + Good.Replace("IMAGE", "LATEN", StringComparison.Ordinal) + "}");
        File.SetLastWriteTimeUtc(file, time);
        Assert.Equal(Encoding.UTF8.GetByteCount("{\"A\": " + Good + "}"), new FileInfo(file).Length);

        var set = SchemaSet.Load([file], false, cache);

        Assert.Equal(0, cache.Hits);
        Assert.Equal("LATEN", set.Find("A")!.Outputs[0].Type);
        Assert.Equal(LazySchemaSetTests.Outcome(() => SchemaSet.Load([file], false, lazy: false)), LazySchemaSetTests.Outcome(() => SchemaSet.Load([file], false, cache)));
        Assert.Equal(1, cache.Hits);
    }

    [Fact]
    public void A_dump_changed_to_bad_json_after_it_was_cached_fails_as_without_a_cache()
    {
        var file = Write("d.json", "{\"A\": " + Good + "}");
        var cache = NewCache();
        _ = SchemaSet.Load([file], false, cache);
        File.WriteAllText(file, "{\"A\": " + Good + ", \"B\": {");

        var outcome = LazySchemaSetTests.Outcome(() => SchemaSet.Load([file], false, cache));

        Assert.StartsWith("error", outcome, StringComparison.Ordinal);
        Assert.Contains(LokiCodes.SchemaInvalid, outcome, StringComparison.Ordinal);
        Assert.Equal(LazySchemaSetTests.Outcome(() => SchemaSet.Load([file], false, lazy: false)), outcome);
    }

    [Fact]
    public void A_dump_truncated_while_a_cached_set_uses_it_is_an_error_naming_it()
    {
        var file = Write("d.json", "{\"A\": " + Good + ", \"B\": " + Good + "}");
        var cache = NewCache();
        _ = SchemaSet.Load([file], false, cache);
        var set = SchemaSet.Load([file], false, cache);
        Assert.Equal(1, cache.Hits);

        File.WriteAllText(file, "{}");

        var error = Assert.Throws<LokiException>(() => set.Find("B")).Diagnostic;
        Assert.Equal(LokiCodes.SchemaInvalid, error.Code);
        Assert.Equal(file, error.File);
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("another dump's index")]
    public void An_empty_or_foreign_index_file_is_a_miss(string damage)
    {
        var file = Write("d.json", "{\"A\": " + Good + ", \"B\": 7}");
        var other = Write("e.json", "{\"A\": " + Good + ", \"B\": 7, \"C\": " + Good + "}");
        var cache = NewCache();
        _ = SchemaSet.Load([file, other], false, cache);
        var index = cache.PathFor(Path.GetFullPath(file));
        var bytes = File.ReadAllBytes(index);
        File.WriteAllBytes(index, damage switch
        {
            "empty" => [],
            _ => File.ReadAllBytes(cache.PathFor(Path.GetFullPath(other))),
        });

        var outcome = LazySchemaSetTests.Outcome(() => SchemaSet.Load([file], false, cache));

        Assert.Equal(0, cache.Hits);
        Assert.Equal(LazySchemaSetTests.Outcome(() => SchemaSet.Load([file], false, lazy: false)), outcome);
        Assert.Equal(bytes, File.ReadAllBytes(index));
    }

    [Fact]
    public void A_cache_folder_that_cannot_be_written_only_means_no_cache()
    {
        var file = Write("d.json", "{\"A\": " + Good + "}");
        File.WriteAllText(Path.Combine(_dir, "not-a-folder"), "x");
        var cache = new DumpIndexCache(Path.Combine(_dir, "not-a-folder", "object-info"), TimeSpan.Zero);

        Assert.Equal(LazySchemaSetTests.Outcome(() => SchemaSet.Load([file], false, lazy: false)), LazySchemaSetTests.Outcome(() => SchemaSet.Load([file], false, cache)));
        Assert.Equal(0, cache.Writes);
        Assert.Equal(0, cache.Hits);
    }

    [Fact]
    public void A_dump_changed_moments_ago_is_not_stored()
    {
        var file = Write("d.json", "{\"A\": " + Good + "}");
        var cache = new DumpIndexCache(CacheDir);

        Assert.NotNull(SchemaSet.Load([file], false, cache).Find("A"));

        Assert.Equal(0, cache.Writes);
        Assert.False(Directory.Exists(CacheDir));
    }

    [Fact]
    public void Concurrent_runs_each_get_the_whole_set_and_leave_one_sound_index()
    {
        var json = "{" + string.Join(", ", Enumerable.Range(0, 400).Select(i => $"\"C{i}\": " + (i % 7 == 0 ? "3" : Good))) + "}";
        var file = Write("d.json", json);
        var eager = LazySchemaSetTests.Outcome(() => SchemaSet.Load([file], true, lazy: false));
        var caches = Enumerable.Range(0, 8).Select(_ => NewCache()).ToList();

        var outcomes = new string[64];
        Parallel.For(0, outcomes.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            outcomes[i] = LazySchemaSetTests.Outcome(() => SchemaSet.Load([file], true, caches[i % caches.Count])));

        Assert.All(outcomes, o => Assert.Equal(eager, o));
        Assert.True(caches.Sum(c => c.Writes) >= 1);
        Assert.Empty(Directory.EnumerateFiles(caches[0].Directory, "*.tmp"));
        var after = NewCache();
        Assert.Equal(eager, LazySchemaSetTests.Outcome(() => SchemaSet.Load([file], true, after)));
        Assert.Equal(1, after.Hits);
    }

    [Fact]
    public void Classes_are_found_in_a_cached_index_by_their_exact_names()
    {
        var names = new[] { "A", "KSampler", "caf\u00e9 \u2603", new string('n', 700), "\ud83d\ude00", "k\"q", "a.b c" };
        var json = "{" + string.Join(", ", names.Select(n => System.Text.Json.JsonSerializer.Serialize(n) + ": " + Good)) + ", \"Bad\": []}";
        var file = Write("d.json", json);
        var cache = NewCache();
        _ = SchemaSet.Load([file], false, cache);

        var set = SchemaSet.Load([file], false, cache);

        Assert.Equal(1, cache.Hits);
        Assert.All(names, n => Assert.Equal(n, set.Find(n)!.ClassType));
        foreach (var absent in new[] { "a", "KSampler ", "Bad", "caf\u00e9", new string('n', 699), "\ud83d", string.Empty })
        {
            Assert.Null(set.Find(absent));
            Assert.False(set.Contains(absent));
        }

        Assert.Equal(names.Order(StringComparer.Ordinal), set.ClassTypes);
    }

    [Theory]
    [InlineData(65_534)]
    [InlineData(65_535)]
    public void A_dump_of_many_classes_is_found_in_its_cached_index_with_narrow_or_wide_slots(int count)
    {
        var json = new StringBuilder("{");
        for (var i = 0; i < count; i++)
        {
            json.Append(i == 0 ? string.Empty : ",").Append("\"C").Append(i).Append("\":{\"output\":[\"T").Append(i).Append("\"]}");
        }

        var file = Write("many.json", json.Append('}').ToString());
        var cache = NewCache();
        _ = SchemaSet.Load([file], false, cache);

        var set = SchemaSet.Load([file], false, cache);

        Assert.Equal(1, cache.Hits);
        foreach (var i in new[] { 0, 1, count / 2, count - 1 })
        {
            Assert.Equal("T" + i, set.Find("C" + i)!.Outputs[0].Type);
        }

        Assert.Null(set.Find("C" + count));
        Assert.Equal(count, set.Count);
    }

    [Fact]
    public void Classes_asked_for_before_the_full_list_are_the_same_after_it()
    {
        var file = Write("d.json", "{\"A\": " + Good + ", \"KSampler\": " + Good + "}");
        var cache = NewCache();
        _ = SchemaSet.Load([file], true, cache);
        var set = SchemaSet.Load([file], true, cache);
        var ksampler = set.Candidates("KSampler");
        var clip = set.Find("CLIPTextEncode");

        Assert.Same(SchemaSet.Catalogue.Find("CLIPTextEncode"), clip);
        Assert.Equal(SchemaSet.Catalogue.Count + 1, set.Count);
        Assert.Same(ksampler, set.Candidates("KSampler"));
        Assert.Equal(2, ksampler.Count);
        Assert.Equal(LazySchemaSetTests.Outcome(() => SchemaSet.Load([file], true, lazy: false)), LazySchemaSetTests.Outcome(() => set));
    }

    [Theory]
    [InlineData("LOKI_CACHE_DIR=/c", "/c/object-info")]
    [InlineData("XDG_CACHE_HOME=/x HOME=/h", "/x/loki/object-info")]
    [InlineData("XDG_CACHE_HOME=rel HOME=/h", "/h/.cache/loki/object-info")]
    [InlineData("HOME=/h", "/h/.cache/loki/object-info")]
    [InlineData("LOKI_NO_CACHE=1 HOME=/h", null)]
    [InlineData("", null)]
    public void The_per_user_cache_follows_the_environment(string environment, string? expected)
    {
        var values = environment.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(kv => kv.Split('=')).ToDictionary(kv => kv[0], kv => kv[1]);
        Assert.Equal(expected, DumpIndexCache.ForUser(name => values.GetValueOrDefault(name))?.Directory);
    }

    private DumpIndexCache NewCache() => new(CacheDir, TimeSpan.Zero);

    private string Write(string name, string json, bool bom = false)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, json, new UTF8Encoding(bom));
        return path;
    }
}
