using System.Buffers.Binary;
using System.Text;
using Loki.Core.Diagnostics;
using Loki.Core.Schemas;

namespace Loki.Core.Tests.Schemas;

/// <summary>
/// A cached dump index is read piece by piece (<see cref="DumpIndexTable"/>), each piece checked as it is read: however
/// the index file is damaged (any byte altered, cut short at any length, stale, damaged under a running set), a set
/// loaded through it answers every look-up as the eager load does. A damaged header is a miss; a damaged piece met
/// later makes the run read the dump whole (<see cref="CachedDump"/>) and store a sound index again; nothing damaged
/// goes unseen.
/// </summary>
public sealed class DumpIndexDamageTests : IDisposable
{
    private const string Good = """{"input": {"required": {"x": ["INT", {"default": 1}]}}, "output": ["IMAGE"]}""";
    private static readonly string[] Asked = ["A", "B", "KSampler", "Bad", "Long" + new string('n', 1200), "caf\u00e9", "Absent", "C3", "C9"];
    private readonly string _dir = Directory.CreateTempSubdirectory("loki-dumpdamage-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Every_byte_of_an_index_altered_is_seen_and_the_set_is_the_eager_one()
    {
        var (file, cache, sound) = Indexed();
        var expected = Answers(() => SchemaSet.Load([file], true, lazy: false));
        for (var at = 0; at < sound.Length; at++)
        {
            var damaged = sound.ToArray();
            damaged[at] ^= (byte)(1 << (at % 8));
            LoadsAsEager(file, cache, sound, damaged, expected, $"byte {at} of {sound.Length}");
        }
    }

    [Fact]
    public void An_index_cut_short_at_any_length_is_seen_and_the_set_is_the_eager_one()
    {
        var (file, cache, sound) = Indexed();
        var expected = Answers(() => SchemaSet.Load([file], true, lazy: false));
        for (var length = 0; length < sound.Length; length++)
        {
            LoadsAsEager(file, cache, sound, sound[..length], expected, $"{length} bytes of {sound.Length}");
        }
    }

    [Fact]
    public void A_stale_index_of_the_dump_before_an_edit_is_a_miss()
    {
        var (file, cache, stale) = Indexed();
        File.WriteAllText(file, Dump().Replace("\"B\": " + Good, "\"B\": " + Good.Replace("IMAGE", "LATENT", StringComparison.Ordinal), StringComparison.Ordinal), new UTF8Encoding(false));
        _ = SchemaSet.Load([file], true, cache);
        File.WriteAllBytes(cache.PathFor(file), stale);
        var hits = cache.Hits;

        var answers = Answers(() => SchemaSet.Load([file], true, cache));

        Assert.Equal(hits, cache.Hits);
        Assert.Equal(Answers(() => SchemaSet.Load([file], true, lazy: false)), answers);
        Assert.Contains("LATENT", answers, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("altered")]
    [InlineData("cut short")]
    [InlineData("another dump's index")]
    public void An_index_damaged_in_place_under_a_running_set_makes_it_read_the_dump(string damage)
    {
        var (file, cache, sound) = Indexed();
        var other = Path.Combine(_dir, "other.json");
        File.WriteAllText(other, Dump().Replace("\"A\"", "\"Z\"", StringComparison.Ordinal));
        _ = SchemaSet.Load([other], true, cache);
        var expected = Answers(() => SchemaSet.Load([file], true, lazy: false));
        var set = SchemaSet.Load([file], true, cache);
        Assert.Equal((1, 0), (cache.Hits, cache.Fallbacks));

        // Written over the same file (same inode) while the set holds it open: past the header, every piece read
        // from now on is damaged.
        var headerLength = BinaryPrimitives.ReadInt32LittleEndian(sound.AsSpan(16));
        using (var stream = new FileStream(cache.PathFor(file), FileMode.Open, FileAccess.Write))
        {
            switch (damage)
            {
                case "altered":
                    stream.Position = headerLength;
                    stream.Write(sound.AsSpan(headerLength).ToArray().Select(b => (byte)~b).ToArray());
                    break;
                case "cut short":
                    stream.SetLength(headerLength + 5);
                    break;
                default:
                    var foreign = File.ReadAllBytes(cache.PathFor(other));
                    stream.Write(foreign);
                    stream.SetLength(foreign.Length);
                    break;
            }
        }

        Assert.Equal(expected, Answers(() => set));
        Assert.Equal(1, cache.Fallbacks);
        Assert.Equal(sound, File.ReadAllBytes(cache.PathFor(file)));
    }

    [Fact]
    public void A_record_that_points_past_the_dump_under_a_sound_bucket_check_is_seen()
    {
        var (file, cache, sound) = Indexed();
        var expected = Answers(() => SchemaSet.Load([file], true, lazy: false));
        var damaged = sound.ToArray();
        var (header, tableAt, buckets) = (BinaryPrimitives.ReadUInt64LittleEndian(sound.AsSpan(8)), BinaryPrimitives.ReadInt32LittleEndian(sound.AsSpan(16)), Buckets(sound));
        for (var bucket = 0; bucket < buckets; bucket++)
        {
            var slot = damaged.AsSpan(tableAt + (bucket * DumpIndexFile.TableEntryBytes));
            var (offset, length) = (BinaryPrimitives.ReadInt32LittleEndian(slot), BinaryPrimitives.ReadInt32LittleEndian(slot[4..]));
            if (length > 0)
            {
                // The first record's start moved past the end of the dump, the bucket's check redone to match.
                BinaryPrimitives.WriteInt32LittleEndian(damaged.AsSpan(offset), 1 << 20);
                BinaryPrimitives.WriteUInt32LittleEndian(slot[8..], DumpIndexFile.BucketCheck(damaged.AsSpan(offset, length), header, bucket, offset));
            }
        }

        File.WriteAllBytes(cache.PathFor(file), damaged);

        Assert.Equal(expected, Answers(() => SchemaSet.Load([file], true, cache)));
        Assert.Equal(1, cache.Fallbacks);
    }

    // With 'damaged' as the index file, a load answers as the eager one, the damage is seen (a miss at open, for the
    // header; a fall back to the dump at the first piece that fails, for any other) and the sound index stored again.
    private static void LoadsAsEager(string file, DumpIndexCache cache, byte[] sound, byte[] damaged, string expected, string what)
    {
        var (hits, fallbacks) = (cache.Hits, cache.Fallbacks);
        File.WriteAllBytes(cache.PathFor(file), damaged);

        Assert.True(expected == Answers(() => SchemaSet.Load([file], true, cache)), what);
        Assert.True(cache.Hits == hits || cache.Fallbacks == fallbacks + 1, what + ": damage not seen");
        Assert.Equal(sound, File.ReadAllBytes(cache.PathFor(file)));
    }

    // A dump of a few classes (one the catalogue's, one a long name, one no definition, a byte order mark), indexed.
    private (string File, DumpIndexCache Cache, byte[] Sound) Indexed()
    {
        var file = Path.Combine(_dir, "d.json");
        File.WriteAllText(file, Dump(), new UTF8Encoding(true));
        var cache = new DumpIndexCache(Path.Combine(_dir, "cache"), TimeSpan.Zero);
        _ = SchemaSet.Load([file], true, cache);
        Assert.Equal(1, cache.Writes);
        return (file, cache, File.ReadAllBytes(cache.PathFor(file)));
    }

    private static string Dump()
    {
        var ksampler = Encoding.UTF8.GetString(SchemaSet.CatalogueTextOf("KSampler")!.Value.Span);
        var classes = new[] { ("A", Good), ("B", Good.Replace("1}", "2}", StringComparison.Ordinal)), ("KSampler", ksampler), ("Bad", "[]"), ("Long" + new string('n', 1200), Good), ("caf\u00e9", Good) }
            .Concat(Enumerable.Range(0, 10).Select(i => ("C" + i, Good.Replace("IMAGE", "T" + i, StringComparison.Ordinal))));
        return "{" + string.Join(",\n", classes.Select(c => System.Text.Json.JsonSerializer.Serialize(c.Item1) + ": " + c.Item2)) + "}";
    }

    // Each class asked for one by one (the look-up path), then everything the set lists; one load.
    private static string Answers(Func<SchemaSet> load)
    {
        SchemaSet set;
        try
        {
            set = load();
        }
        catch (LokiException e)
        {
            return "error " + e.Diagnostic;
        }

        var text = new StringBuilder();
        try
        {
            foreach (var name in Asked)
            {
                text.Append(name).Append(": ").AppendJoin(" | ", set.Candidates(name).Select(c => c.Origin?.Source + " " + c.Raw.ToJsonString())).AppendLine();
            }
        }
        catch (LokiException e)
        {
            text.AppendLine("error " + e.Diagnostic);
        }

        return text.AppendLine(LazySchemaSetTests.Outcome(() => set)).ToString();
    }

    // The number of buckets, from the header (DumpIndexFile's layout).
    private static int Buckets(byte[] index) => BinaryPrimitives.ReadInt32LittleEndian(index.AsSpan(20 + 4 + BinaryPrimitives.ReadInt32LittleEndian(index.AsSpan(20)) + 40 + 4 + 4));
}
