using System.Text;
using System.Text.Json;
using Loki.Core.Schemas;
using Loki.Tests;

namespace Loki.Core.Tests.Schemas;

/// <summary>
/// A <c>--schemas</c> class whose definition is the catalogue's own JSON (white space aside) reuses the catalogue's
/// parsed definition (issue 10: no work twice), class by class and for any dump; every other definition is parsed
/// from the dump. Either way the set equals the eager load.
/// </summary>
public sealed class CatalogueTwinClassTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("loki-twin-").FullName;

    private static string Reference => Path.Combine(RepoPaths.Corpus!, "schemas", "reference", "comfyui-0.3.64-core.object_info.json");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [CorpusFact]
    public void The_reference_dump_reuses_the_catalogues_definitions_and_equals_the_eager_load()
    {
        var set = SchemaSet.Load([Reference]);

        Assert.Equal(LazySchemaSetTests.Outcome(() => SchemaSet.Load([Reference], true, lazy: false)), LazySchemaSetTests.Outcome(() => set));
        Assert.Same(SchemaSet.Catalogue.Find("KSampler")!.Raw, set.Find("KSampler")!.Raw);
        Assert.Equal(Reference, set.Find("KSampler")!.Origin!.Source);
        Assert.Single(set.Candidates("KSampler"));
    }

    [CorpusFact]
    public void Without_the_catalogue_the_dump_is_parsed_as_itself()
    {
        var set = SchemaSet.Load([Reference], includeCatalogue: false);

        Assert.Equal(LazySchemaSetTests.Outcome(() => SchemaSet.Load([Reference], false, lazy: false)), LazySchemaSetTests.Outcome(() => set));
        Assert.NotSame(SchemaSet.Catalogue.Find("KSampler")!.Raw, set.Find("KSampler")!.Raw);
    }

    [CorpusFact]
    public void The_same_json_written_compactly_is_a_twin_too()
    {
        var compact = Write("comfyui-0.3.64-compact.object_info.json", Minified(File.ReadAllBytes(Reference)));

        var set = SchemaSet.Load([compact]);

        Assert.Same(SchemaSet.Catalogue.Find("CLIPTextEncode")!.Raw, set.Find("CLIPTextEncode")!.Raw);
        Assert.Equal(LazySchemaSetTests.Outcome(() => SchemaSet.Load([compact], true, lazy: false)), LazySchemaSetTests.Outcome(() => set));
    }

    [CorpusTheory]
    [InlineData("one value changed")]
    [InlineData("a space inside a string")]
    [InlineData("an escape written another way")]
    [InlineData("a byte order mark")]
    public void Only_the_class_that_differs_is_parsed_from_the_dump(string change)
    {
        var text = File.ReadAllText(Reference);
        var changed = change switch
        {
            "one value changed" => ReplaceFirst(text, "\"default\": 20", "\"default\": 21"),
            "a space inside a string" => ReplaceFirst(text, "\"sampler_name\"", "\"sampler_name \""),
            "an escape written another way" => ReplaceFirst(text, "\"sampler_name\"", "\"sampler\\u005fname\""),
            _ => "\uFEFF" + text,
        };
        Assert.NotEqual(text, changed);
        var file = Write("comfyui-0.3.64-changed.object_info.json", Encoding.UTF8.GetBytes(changed));

        var set = SchemaSet.Load([file]);

        Assert.Equal(LazySchemaSetTests.Outcome(() => SchemaSet.Load([file], true, lazy: false)), LazySchemaSetTests.Outcome(() => set));
        Assert.Same(SchemaSet.Catalogue.Find("CLIPTextEncode")!.Raw, set.Find("CLIPTextEncode")!.Raw);
        var ksampler = set.Candidates("KSampler");
        Assert.Equal(change == "a byte order mark", ksampler.Any(c => ReferenceEquals(c.Raw, SchemaSet.Catalogue.Find("KSampler")!.Raw) && c.Origin!.Source == file));
    }

    [Theory]
    [InlineData("{ \"a\" : [1, \"x y\"] }\n", "{\"a\":[1,\"x y\"]}", true)]
    [InlineData("{\"a\\\" b\":\t1}", "{\"a\\\" b\":1}", true)]
    [InlineData("{\"a\\\\\" : 1}", "{\"a\\\\\":1}", true)]
    [InlineData("\r\n{\"a\":\"\\u0041\"}", "{\"a\":\"\\u0041\"}", true)]
    [InlineData("{\"a b\":1}", "{\"ab\":1}", false)]
    [InlineData("{\"ab\":1}", "{\"a b\":1}", false)]
    [InlineData("{\"a\":\"\\u0041\"}", "{\"a\":\"A\"}", false)]
    [InlineData("{\"a\":1.0}", "{\"a\":1}", false)]
    [InlineData("{\"a\":1}", "{\"a\":1}x", false)]
    [InlineData("{\"a\":1}x", "{\"a\":1}", false)]
    [InlineData("{\"a\":\"x", "{\"a\":\"x", false)]
    [InlineData("{\"a\":\"x\\\"", "{\"a\":\"x\\\"", false)]
    public void Only_white_space_between_tokens_is_skipped(string a, string b, bool same)
    {
        Assert.Equal(same, JsonWhiteSpace.SameTokens(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b)));
        Assert.Equal(same, JsonWhiteSpace.SameTokens(Encoding.UTF8.GetBytes(b), Encoding.UTF8.GetBytes(a)));
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
