using System.IO.Compression;
using System.Text.Json.Nodes;
using Loki.Core.Regeneration;
using Loki.Core.Schemas;
using Loki.Tests;

namespace Loki.Core.Tests.Schemas;

/// <summary>
/// The shipped catalogue's compact form (a generated resource read without decompression or scan) is made from the
/// shipped dump and gives the catalogue that dump gives.
/// </summary>
public sealed class CompactCatalogueTests
{
    private const string DumpName = "comfyui-0.3.64-core.object_info.json.gz";

    private static string CompactFile => Path.Combine(RepoPaths.Root, "src", "Loki.Core", "Resources", "Schemas", "comfyui-0.3.64-core.catalogue");

    /// <summary>
    /// The committed compact form is what <see cref="CompactCatalogue.Write"/> makes of the shipped dump today. After a
    /// change of the dump or of the form, run this test with <c>LOKI_ACCEPT=1</c> to rewrite it.
    /// </summary>
    [Fact]
    public void The_committed_compact_form_is_generated_from_the_shipped_dump()
    {
        var expected = CompactCatalogue.Write(Dump(), DumpName);
        if (Environment.GetEnvironmentVariable("LOKI_ACCEPT") == "1")
        {
            File.WriteAllBytes(CompactFile, expected);
        }

        Assert.True(expected.AsSpan().SequenceEqual(File.ReadAllBytes(CompactFile)),
            "the compact catalogue is stale: run this test with LOKI_ACCEPT=1 and commit the file");
        Assert.StartsWith(CompactCatalogue.HeaderPrefix + DumpName + " (sha256 " + SourceSha() + ")", File.ReadAllText(CompactFile), StringComparison.Ordinal);
    }

    [Fact]
    public void The_catalogue_read_from_the_compact_form_equals_the_dump_parsed_whole()
    {
        Assert.Equal(LazySchemaSetTests.Outcome(() => SchemaSet.Load([], true, lazy: false)), LazySchemaSetTests.Outcome(() => SchemaSet.Catalogue));
        Assert.Equal(378, SchemaSet.Catalogue.Count);
    }

    [Fact]
    public void A_name_the_index_cannot_hold_or_a_bad_definition_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => CompactCatalogue.Write("{\"A\\tB\": {\"input\": {}}}"u8.ToArray(), "x"));
        Assert.Throws<InvalidDataException>(() => CompactCatalogue.Write("{\"A\": 5}"u8.ToArray(), "x"));
        Assert.Throws<InvalidDataException>(() => CompactCatalogue.Read("{}"u8.ToArray()));
    }

    /// <summary>
    /// The eager reference the lazy catalogue is tested against parses the compact form's JSON whole; that JSON gives the
    /// definitions the shipped dump itself gives (same classes, order, candidates, text), so the reference is the dump's.
    /// </summary>
    [Fact]
    public void The_compact_forms_json_parses_to_the_shipped_dumps_definitions()
    {
        var dump = System.Text.Encoding.UTF8.GetString(Dump());
        Assert.Equal(
            LazySchemaSetTests.Outcome(() => SchemaSet.Parse(dump, "<catalogue:comfyui-0.3.64>", SchemaSet.CatalogueComfyVersion, lazy: false)),
            LazySchemaSetTests.Outcome(() => SchemaSet.Load([], true, lazy: false)));
    }

    [Fact]
    public void Only_the_compact_form_is_embedded()
    {
        var names = typeof(SchemaSet).Assembly.GetManifestResourceNames();
        Assert.Contains(names, n => n.EndsWith("comfyui-0.3.64-core.catalogue", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.EndsWith(".gz", StringComparison.Ordinal) || n.EndsWith(".source.json", StringComparison.Ordinal));
    }

    // The dump the compact form is made from lives in the source tree only (not embedded: issue 10).
    private static byte[] Dump()
    {
        using var gzip = new GZipStream(File.OpenRead(Path.Combine(Path.GetDirectoryName(CompactFile)!, DumpName)), CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        gzip.CopyTo(bytes);
        return bytes.ToArray();
    }

    // The dump's provenance file records the hash of the uncompressed dump; the compact form names the same.
    private static string SourceSha()
    {
        var source = JsonNode.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(CompactFile)!, "comfyui-0.3.64-core.source.json")))!;
        var sha = source["uncompressed_sha256"]!.GetValue<string>();
        Assert.Equal(sha, Sha256Hex.Of(Dump()));
        return sha;
    }
}
