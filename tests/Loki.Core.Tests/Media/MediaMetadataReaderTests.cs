using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Media;
using Loki.Tests;

namespace Loki.Core.Tests.Media;

public sealed class MediaMetadataReaderTests
{
    public static TheoryData<string> CorpusMedia()
    {
        var data = new TheoryData<string>();
        if (RepoPaths.Corpus is { } corpus)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(corpus, "media"), "*", SearchOption.AllDirectories)
                         .Where(MediaMetadataReader.IsMediaPath).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(corpus, file));
            }
        }

        return data;
    }

    [CorpusTheory]
    [MemberData(nameof(CorpusMedia))]
    public void Read_CorpusFile_MatchesItsSidecars(string relative)
    {
        var path = Path.Combine(RepoPaths.Corpus!, relative);

        var meta = MediaMetadataReader.Read(path);

        AssertSidecar(path + ".workflow.json", meta.Workflow);
        AssertSidecar(path + ".prompt.json", meta.Prompt);
        Assert.False(meta.IsEmpty);
    }

    [Fact]
    public void Read_Png_ReadsTextCompressedAndInternationalChunks()
    {
        var png = new PngBuilder()
            .Text("parameters", "a1111")
            .CompressedText("prompt", """{"1": {"class_type": "X", "inputs": {}}}""")
            .InternationalText("workflow", """{"nodes": [], "title": "Größe ✓"}""", compress: true)
            .Build();

        var meta = MediaMetadataReader.Read(png, "t.png");

        Assert.Equal("""{"1": {"class_type": "X", "inputs": {}}}""", meta.Prompt);
        Assert.Equal("""{"nodes": [], "title": "Größe ✓"}""", meta.Workflow);
    }

    [Fact]
    public void Read_Png_UncompressedITxtAndComfChunks_LaterChunkWins()
    {
        var png = new PngBuilder()
            .Text("workflow", "old")
            .InternationalText("workflow", "new ✓", compress: false)
            .Chunk("comf", [.. "prompt"u8, 0, .. "{}"u8])
            .Build(withIend: false);

        var meta = MediaMetadataReader.Read(png, "t.png");

        Assert.Equal("new ✓", meta.Workflow);
        Assert.Equal("{}", meta.Prompt);
    }

    [Fact]
    public void Read_PngWithoutMetadata_IsEmpty()
    {
        var meta = MediaMetadataReader.Read(new PngBuilder().Text("Software", "x").Build(), "t.png");

        Assert.True(meta.IsEmpty);
    }

    [Theory]
    [InlineData("tEXt")]
    [InlineData("IDAT")]
    public void Read_PngWithBadCrc_ReportsTheChunk(string damaged)
    {
        var builder = new PngBuilder();
        var png = damaged == "tEXt"
            ? builder.Chunk("tEXt", [.. "workflow"u8, 0, .. "{}"u8], badCrc: true).Build()
            : builder.Text("workflow", "{}").Build();
        if (damaged == "IDAT")
        {
            png[^13] ^= 0xFF; // last byte of the IDAT CRC (IEND is the final 12 bytes)
        }

        var ex = Assert.Throws<LokiException>(() => MediaMetadataReader.Read(png, "t.png"));

        Assert.Equal(LokiCodes.MediaBadCrc, ex.Diagnostic.Code);
        Assert.Contains(damaged, ex.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("t.png", ex.Diagnostic.File);
    }

    [Fact]
    public void Read_TruncatedPng_ReportsTruncation()
    {
        var png = new PngBuilder().Text("workflow", new string('x', 500)).Build();

        var ex = Assert.Throws<LokiException>(() => MediaMetadataReader.Read(png.AsMemory(0, 100), "t.png"));

        Assert.Equal(LokiCodes.MediaTruncated, ex.Diagnostic.Code);
    }

    [Fact]
    public void Read_CorruptCompressedText_ReportsBadTextChunk()
    {
        var png = new PngBuilder().Chunk("zTXt", [.. "workflow"u8, 0, 0, 1, 2, 3, 4]).Build();

        var ex = Assert.Throws<LokiException>(() => MediaMetadataReader.Read(png, "t.png"));

        Assert.Equal(LokiCodes.MediaBadTextChunk, ex.Diagnostic.Code);
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3 })]
    [InlineData(new byte[] { (byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)'}' })]
    public void Read_NotMedia_ReportsUnknownFormat(byte[] bytes)
    {
        var ex = Assert.Throws<LokiException>(() => MediaMetadataReader.Read(bytes, "t.png"));

        Assert.Equal(LokiCodes.MediaUnknownFormat, ex.Diagnostic.Code);
    }

    [Fact]
    public void Read_MissingFile_ReportsFileNotFound()
    {
        var ex = Assert.Throws<LokiException>(() => MediaMetadataReader.Read(Path.Combine(Path.GetTempPath(), "loki-no-such.png")));

        Assert.Equal(LokiCodes.FileNotFound, ex.Diagnostic.Code);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public void Read_Webp_ReadsPrefixedTagsInBothByteOrders(bool little, bool exifPrefix)
    {
        var webp = WebpBuilder.Build(
            [(0x010F, """workflow:{"nodes": [], "note": "a:b ✓"}"""), (0x0110, """prompt:{"1": {}}"""), (0x010E, "k:v")],
            little, exifPrefix);

        var meta = MediaMetadataReader.Read(webp, "t.webp");

        Assert.Equal("""{"nodes": [], "note": "a:b ✓"}""", meta.Workflow);
        Assert.Equal("""{"1": {}}""", meta.Prompt);
    }

    [Fact]
    public void Read_Webp_AcceptsCapitalisedKeysOfThirdPartySavers()
    {
        var webp = WebpBuilder.Build([(0x010F, "Workflow:{}"), (0x0110, "Prompt:[]")], littleEndian: true, exifPrefix: false);

        var meta = MediaMetadataReader.Read(webp, "t.webp");

        Assert.Equal("{}", meta.Workflow);
        Assert.Equal("[]", meta.Prompt);
    }

    [Fact]
    public void Read_WebpWithBadExif_ReportsBadExif()
    {
        var webp = WebpBuilder.Build([(0x010F, "workflow:{}")], littleEndian: true, exifPrefix: false);
        var exif = webp.AsSpan().IndexOf("EXIF"u8) + 8;
        webp[exif] = (byte)'X'; // byte order mark gone

        var ex = Assert.Throws<LokiException>(() => MediaMetadataReader.Read(webp, "t.webp"));

        Assert.Equal(LokiCodes.MediaBadExif, ex.Diagnostic.Code);
    }

    private static void AssertSidecar(string sidecar, string? actual)
    {
        if (!File.Exists(sidecar))
        {
            Assert.Null(actual);
            return;
        }

        Assert.NotNull(actual);
        var expected = JsonNode.Parse(File.ReadAllText(sidecar));
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(actual!)), $"{sidecar} differs from the embedded text");
    }
}
