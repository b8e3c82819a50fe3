using System.Text;
using System.Text.Json;
using Loki.Core.Schemas;
using Loki.Tests;

namespace Loki.Core.Tests.Schemas;

/// <summary>
/// <c>--schemas</c> given the catalogue's own dump (the reference 0.3.64 dump) reuses the catalogue's parsed
/// definitions (issue 10: no work twice) and still gives what reading the dump gives; any other text is read.
/// </summary>
public sealed class CatalogueTwinTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("loki-twin-").FullName;

    private static string Reference => Path.Combine(RepoPaths.Corpus!, "schemas", "reference", "comfyui-0.3.64-core.object_info.json");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [CorpusFact]
    public void The_reference_dump_reuses_the_catalogues_definitions_and_equals_the_eager_load()
    {
        foreach (var catalogue in new[] { true, false })
        {
            var set = SchemaSet.Load([Reference], catalogue);

            Assert.Equal(LazySchemaSetTests.Outcome(() => SchemaSet.Load([Reference], catalogue, lazy: false)), LazySchemaSetTests.Outcome(() => set));
            Assert.Same(SchemaSet.Catalogue.Find("KSampler")!.Raw, set.Find("KSampler")!.Raw);
            Assert.Equal(Reference, set.Find("KSampler")!.Origin!.Source);
        }
    }

    [CorpusFact]
    public void The_same_json_written_compactly_is_the_twin_too()
    {
        var compact = Write("comfyui-0.3.64-compact.object_info.json", Minified(File.ReadAllBytes(Reference)));

        var set = SchemaSet.Load([compact]);

        Assert.Same(SchemaSet.Catalogue.Find("CLIPTextEncode")!.Raw, set.Find("CLIPTextEncode")!.Raw);
        Assert.Equal(LazySchemaSetTests.Outcome(() => SchemaSet.Load([compact], true, lazy: false)), LazySchemaSetTests.Outcome(() => set));
    }

    [CorpusTheory]
    [InlineData("one value changed")]
    [InlineData("a byte order mark")]
    [InlineData("a space inside a string")]
    [InlineData("cut short")]
    [InlineData("text after it")]
    public void A_dump_that_differs_anywhere_is_read_as_itself(string change)
    {
        var text = File.ReadAllText(Reference);
        var changed = change switch
        {
            "one value changed" => ReplaceFirst(text, "\"default\": 20", "\"default\": 21"),
            "a byte order mark" => "\uFEFF" + text,
            "a space inside a string" => ReplaceFirst(text, "\"KSampler\"", "\"KSampler \""),
            "cut short" => text[..^2],
            _ => text + " {}",
        };
        Assert.NotEqual(text, changed);
        var file = Write("comfyui-0.3.64-changed.object_info.json", Encoding.UTF8.GetBytes(changed));

        var outcome = LazySchemaSetTests.Outcome(() => SchemaSet.Load([file]));

        Assert.Equal(LazySchemaSetTests.Outcome(() => SchemaSet.Load([file], true, lazy: false)), outcome);
        if (!outcome.StartsWith("error", StringComparison.Ordinal))
        {
            Assert.NotSame(SchemaSet.Catalogue.Find("CLIPTextEncode")!.Raw, SchemaSet.Load([file]).Find("CLIPTextEncode")!.Raw);
        }
    }

    [Theory]
    [InlineData("{ \"a\" : [1, \"x y\"] }\n", "{\"a\":[1,\"x y\"]}", true)]
    [InlineData("{\"a\\\" b\":\t1}", "{\"a\\\" b\":1}", true)]
    [InlineData("{\"a\\\\\" : 1}", "{\"a\\\\\":1}", true)]
    [InlineData("{\"a b\":1}", "{\"ab\":1}", false)]
    [InlineData("{\"ab\":1}", "{\"a b\":1}", false)]
    [InlineData("{\"a\":1}", "{\"a\":1}x", false)]
    [InlineData("{\"a\":1}x", "{\"a\":1}", false)]
    [InlineData("{\"a\":\"x", "{\"a\":\"x", false)]
    public void Only_white_space_between_tokens_is_skipped(string file, string compact, bool same) =>
        Assert.Equal(same, CatalogueTwin.Matches(Write("f.json", Encoding.UTF8.GetBytes(file)), Encoding.UTF8.GetBytes(compact)));

    [Theory]
    [InlineData(-2)]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1)]
    public void An_escape_or_white_space_across_two_chunks_is_read_as_one(int fromSeam)
    {
        // The file is read a chunk at a time: a backslash, a quote or white space at the seam must not change the answer.
        var at = CatalogueTwin.ChunkBytes + fromSeam;
        var value = new string('x', at - 7);
        Assert.True(CatalogueTwin.Matches(Write("f.json", Encoding.UTF8.GetBytes("{\"k\": \"" + value + "\\\"\\n\"  }")), Encoding.UTF8.GetBytes("{\"k\":\"" + value + "\\\"\\n\"}")));
        Assert.False(CatalogueTwin.Matches(Write("g.json", Encoding.UTF8.GetBytes("{\"k\": \"" + value + "\\\"  \\n\"}")), Encoding.UTF8.GetBytes("{\"k\":\"" + value + "\\\"\\n\"}")));
    }

    private static string ReplaceFirst(string text, string what, string with)
    {
        var at = text.IndexOf(what, StringComparison.Ordinal);
        Assert.True(at >= 0, what);
        return text[..at] + with + text[(at + what.Length)..];
    }

    private static byte[] Minified(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var output = new MemoryStream();
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            document.WriteTo(writer);
        }

        return output.ToArray();
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
