using System.Text;
using Loki.Core.Diagnostics;
using Loki.Core.Schemas;

namespace Loki.Core.Tests.Schemas;

/// <summary>
/// A cached dump's definitions are read from the file when first asked for (opened then, not at load), each checked
/// against the hash its index holds (<see cref="DumpFileText"/>; no look at the file's times per read): a definition
/// changed under a running set, even to text of the same length, is an error naming the dump, never a definition read
/// from the wrong bytes.
/// </summary>
public sealed class DumpFileTextTests : IDisposable
{
    private const string Good = """{"input": {"required": {"x": ["INT", {"default": 1}]}}, "output": ["IMAGE"]}""";
    private readonly string _dir = Directory.CreateTempSubdirectory("loki-dumpfiletext-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("a digit")]
    [InlineData("a name")]
    [InlineData("white space")]
    public void A_definition_changed_in_place_to_text_of_the_same_length_is_an_error_naming_the_dump(string change)
    {
        var (file, set) = CachedSet();
        var changed = change switch
        {
            "a digit" => Good.Replace("1}", "2}", StringComparison.Ordinal),
            "a name" => Good.Replace("\"x\"", "\"y\"", StringComparison.Ordinal),
            _ => Good.Replace("\"default\": 1}", "\"default\":1 }", StringComparison.Ordinal),
        };
        Assert.Equal(Good.Length, changed.Length);
        Assert.NotEqual(Good, changed);
        Rewrite(file, "{\"A\": " + Good + ", \"B\": " + changed + "}");

        AssertChanged(file, () => set.Find("B"));
    }

    [Fact]
    public void A_set_reads_its_unchanged_definitions_from_a_dump_changed_elsewhere_as_they_were_indexed()
    {
        var (file, set) = CachedSet();
        Rewrite(file, "{\"A\": " + Good.Replace("1}", "2}", StringComparison.Ordinal) + ", \"B\": " + Good + "}");

        Assert.Equal("1", set.Find("B")!.Input("x")!.Default!.ToJsonString());
    }

    [Fact]
    public void The_dump_is_opened_at_its_first_read_not_when_the_set_is_loaded()
    {
        // Replaced after the load (another file renamed over it, B changed): the set reads the file it finds at its
        // first read, and B's text there is not what the index holds. A dump opened at load would still give the old B.
        var (file, set) = CachedSet();
        Replace(file, "{\"A\": " + Good + ", \"B\": " + Good.Replace("1}", "2}", StringComparison.Ordinal) + "}");

        AssertChanged(file, () => set.Find("B"));
    }

    [Fact]
    public void A_dump_replaced_by_the_same_text_or_gone_reads_as_its_index_says_or_fails_naming_it()
    {
        var (file, set) = CachedSet();
        Replace(file, "{\"A\": " + Good + ", \"B\": " + Good + "}");
        Assert.Equal("1", set.Find("B")!.Input("x")!.Default!.ToJsonString());

        (file, set) = CachedSet();
        File.Delete(file);
        AssertChanged(file, () => set.Find("A"));
    }

    // The error of a dump changed under the set: a schema error naming the file.
    private static void AssertChanged(string file, Func<object?> read)
    {
        var error = Assert.Throws<LokiException>(read).Diagnostic;
        Assert.Equal(LokiCodes.SchemaInvalid, error.Code);
        Assert.Equal(file, error.File);
    }

    // A dump of two classes, indexed by one load, and the set of a second load that took the index from the cache.
    private (string File, SchemaSet Set) CachedSet()
    {
        var file = Path.Combine(_dir, "d.json");
        File.WriteAllText(file, "{\"A\": " + Good + ", \"B\": " + Good + "}", new UTF8Encoding(false));
        var cache = new DumpIndexCache(Path.Combine(_dir, "cache"), TimeSpan.Zero);
        _ = SchemaSet.Load([file], false, cache);
        var set = SchemaSet.Load([file], false, cache);
        Assert.Equal(1, cache.Hits);
        return (file, set);
    }

    // Puts another file in its place (a new inode), as a tool writing a temporary file and renaming it does.
    private static void Replace(string file, string json)
    {
        var next = file + ".new";
        File.WriteAllText(next, json, new UTF8Encoding(false));
        File.Move(next, file, overwrite: true);
    }

    // Writes over the same file (same inode), as an editor saving in place does.
    private static void Rewrite(string file, string json)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Write);
        stream.Write(Encoding.UTF8.GetBytes(json));
    }
}
