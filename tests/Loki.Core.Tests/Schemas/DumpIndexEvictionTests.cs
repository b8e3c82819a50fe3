using System.Text;
using Loki.Core.Schemas;

namespace Loki.Core.Tests.Schemas;

/// <summary>
/// The dump index cache stays bounded (<see cref="DumpIndexEviction"/>): when an index is stored, only the most recently
/// used index files stay (the later of last access and last write), other files are left alone, and a dump whose
/// index went loads as it did, its index stored again.
/// </summary>
public sealed class DumpIndexEvictionTests : IDisposable
{
    private const string Good = """{"input": {"required": {"x": ["INT", {"default": 1}]}}, "output": ["IMAGE"]}""";
    private static readonly DateTime Base = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly string _dir = Directory.CreateTempSubdirectory("loki-dumpevict-").FullName;

    private string CacheDir => Path.Combine(_dir, "cache");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Storing_beyond_the_limit_keeps_the_most_recently_used_indexes()
    {
        var filling = new DumpIndexCache(CacheDir, TimeSpan.Zero);
        var cache = new DumpIndexCache(CacheDir, TimeSpan.Zero, maxFiles: 3);
        var dumps = Enumerable.Range(0, 5).Select(i => Dump($"d{i}.json")).ToList();
        for (var i = 0; i < 4; i++)
        {
            _ = SchemaSet.Load([dumps[i]], false, filling);
            Assert.True(File.Exists(IndexOf(cache, dumps[i])));
            Used(cache, dumps[i], written: Base.AddMinutes(i), read: Base.AddMinutes(i));
        }

        // d0 was written first but read last: it counts as the most recently used.
        Used(cache, dumps[0], written: Base, read: Base.AddMinutes(10));
        File.WriteAllText(Path.Combine(CacheDir, ".other.tmp"), "x");

        _ = SchemaSet.Load([dumps[4]], false, cache);

        Assert.Equal([true, false, false, true, true], dumps.Select(d => File.Exists(IndexOf(cache, d))));
        Assert.True(File.Exists(Path.Combine(CacheDir, ".other.tmp")));
    }

    [Fact]
    public void A_dump_whose_index_was_trimmed_loads_as_before_and_is_stored_again()
    {
        var cache = new DumpIndexCache(CacheDir, TimeSpan.Zero, maxFiles: 1);
        var (a, b) = (Dump("a.json"), Dump("b.json"));
        var expected = LazySchemaSetTests.Outcome(() => SchemaSet.Load([a], false, lazy: false));
        Assert.Equal(expected, LazySchemaSetTests.Outcome(() => SchemaSet.Load([a], false, cache)));
        Used(cache, a, written: Base, read: Base);
        _ = SchemaSet.Load([b], false, cache);
        Assert.False(File.Exists(IndexOf(cache, a)));

        Assert.Equal(expected, LazySchemaSetTests.Outcome(() => SchemaSet.Load([a], false, cache)));

        Assert.True(File.Exists(IndexOf(cache, a)));
        Assert.Equal(0, cache.Hits);
        Assert.Equal(3, cache.Writes);
    }

    [Fact]
    public void A_folder_within_the_limit_is_left_as_it_is()
    {
        var cache = new DumpIndexCache(CacheDir, TimeSpan.Zero, maxFiles: 64);
        var dumps = Enumerable.Range(0, 4).Select(i => Dump($"d{i}.json")).ToList();
        foreach (var dump in dumps)
        {
            _ = SchemaSet.Load([dump], false, cache);
        }

        Assert.All(dumps, d => Assert.True(File.Exists(IndexOf(cache, d))));
        Assert.Equal(64, new DumpIndexCache(CacheDir).MaxFiles);
    }

    private static string IndexOf(DumpIndexCache cache, string dump) => cache.PathFor(Path.GetFullPath(dump));

    private static void Used(DumpIndexCache cache, string dump, DateTime written, DateTime read)
    {
        File.SetLastWriteTimeUtc(IndexOf(cache, dump), written);
        File.SetLastAccessTimeUtc(IndexOf(cache, dump), read);
    }

    private string Dump(string name)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, "{\"A\": " + Good + ", \"" + name + "\": " + Good + "}", new UTF8Encoding(false));
        return path;
    }
}
