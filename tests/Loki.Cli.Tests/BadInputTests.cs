using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Media;

namespace Loki.Cli.Tests;

/// <summary>Every kind of bad input gives its coded error, the file and place on stderr, and exit 1 or 2.</summary>
public sealed class BadInputTests
{
    [Theory]
    [InlineData("truncated", 2)]
    [InlineData("malformed", 2)]
    public async Task BrokenJson_IsInvalidJson(string kind, int exit)
    {
        using var dir = new TempDir();
        var text = kind == "truncated" ? Workflows.Chain[..(Workflows.Chain.Length / 2)] : Workflows.Chain.Replace("\"mode\": 0,", "\"mode\": 0,,", StringComparison.Ordinal);
        var file = dir.Write("w.json", text);

        var run = await CliRun.InProcessAsync("convert", file, "--to", "api");

        run.AssertError(LokiCodes.WorkflowInvalidJson, exit, file);
        Assert.Matches(@"w\.json\(\d+,\d+\)", run.Stderr);
        Assert.Contains("[at $.nodes[", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PngWithBadCrc_IsMediaBadCrc()
    {
        using var dir = new TempDir();
        var png = PngMetadataWriter.Embed(ConvertCommandTests.PlainPng, JsonNode.Parse(Workflows.ChainPrompt), JsonNode.Parse(Workflows.Chain));
        var at = new ReadOnlySpan<byte>(png).IndexOf("tEXtworkflow"u8) + 20;
        png[at] ^= 0x20; // damage the workflow text, not its CRC
        var file = dir.Write("w.png", png);

        var run = await CliRun.InProcessAsync("convert", file, "--to", "api");

        run.AssertError(LokiCodes.MediaBadCrc, 2, file);
        Assert.Contains("tEXt", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PngWithoutMetadata_IsNoMetadata()
    {
        using var dir = new TempDir();
        var file = dir.Write("plain.png", ConvertCommandTests.PlainPng);

        var run = await CliRun.InProcessAsync("convert", file, "--to", "ui");

        run.AssertError(LokiCodes.WorkflowNoMetadata, 1, file);
    }

    [Fact]
    public async Task LinkToMissingNode_IsReportedWithItsJsonPath()
    {
        using var dir = new TempDir();
        var file = dir.Write("w.json", Workflows.ChainWith("[1, 1, 0, 2, 0, \"IMAGE\"]", "[1, 9, 0, 2, 0, \"IMAGE\"]"));

        var run = await CliRun.InProcessAsync("convert", file, "--to", "api");

        run.AssertError(LokiCodes.WorkflowLinkToMissingNode, 1, file);
        Assert.Contains("[at $.links[0]", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PromptLinkToMissingNode_IsReportedWithItsJsonPath()
    {
        using var dir = new TempDir();
        var file = dir.Write("p.json", Workflows.ChainPrompt.Replace("[\"1\", 0]", "[\"9\", 0]", StringComparison.Ordinal));

        var run = await CliRun.InProcessAsync("convert", file, "--to", "ui");

        run.AssertError(LokiCodes.PromptLinkToMissingNode, 1, file);
        Assert.Contains("[at $[\"2\"].inputs.image]", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cycle_IsConvertCycle()
    {
        using var dir = new TempDir();
        // ImageInvert 2 feeds itself through a second ImageInvert 4.
        var file = dir.Write("w.json", Workflows.ChainWith(
            "\"links\": [[1, 1, 0, 2, 0, \"IMAGE\"], [2, 2, 0, 3, 0, \"IMAGE\"]]",
            "\"links\": [[1, 4, 0, 2, 0, \"IMAGE\"], [2, 2, 0, 3, 0, \"IMAGE\"], [3, 2, 0, 4, 0, \"IMAGE\"]]")
            .Replace("\"outputs\": [{\"name\": \"IMAGE\", \"type\": \"IMAGE\", \"links\": [2]}], \"properties\": {}},",
                "\"outputs\": [{\"name\": \"IMAGE\", \"type\": \"IMAGE\", \"links\": [2, 3]}], \"properties\": {}},\n" +
                "{\"id\": 4, \"type\": \"ImageInvert\", \"pos\": [0, 300], \"size\": [140, 26], \"flags\": {}, \"order\": 3, \"mode\": 0, \"inputs\": [{\"name\": \"image\", \"type\": \"IMAGE\", \"link\": 3}], \"outputs\": [{\"name\": \"IMAGE\", \"type\": \"IMAGE\", \"links\": [1]}], \"properties\": {}},", StringComparison.Ordinal));

        var run = await CliRun.InProcessAsync("convert", file, "--to", "api");

        run.AssertError(LokiCodes.ConvertCycle, 1, file);
    }

    [Fact]
    public async Task DuplicateNodeIds_AreReported()
    {
        using var dir = new TempDir();
        var file = dir.Write("w.json", Workflows.ChainWith("{\"id\": 2, \"type\": \"ImageInvert\"", "{\"id\": 1, \"type\": \"ImageInvert\""));

        var run = await CliRun.InProcessAsync("inspect", file);

        run.AssertError(LokiCodes.WorkflowDuplicateNodeId, 1, file);
    }

    [Fact]
    public async Task FiftyMegabyteFile_IsTooLarge()
    {
        using var dir = new TempDir();
        var file = dir.File("huge.json");
        using (var stream = File.Create(file))
        {
            stream.SetLength((50L * 1024 * 1024) + 1); // sparse: costs no disk
        }

        var run = await CliRun.InProcessAsync("convert", file, "--to", "api");

        run.AssertError(LokiCodes.FileTooLarge, 2, file);
    }

    [Fact]
    public async Task MissingFile_IsFileNotFound()
    {
        var file = Path.Combine(Path.GetTempPath(), "loki-no-such-workflow.json");

        var run = await CliRun.InProcessAsync("inspect", file);

        run.AssertError(LokiCodes.FileNotFound, 2, file);
    }

    [Fact]
    public async Task NeitherWorkflowNorPrompt_IsUnknownFormat()
    {
        using var dir = new TempDir();
        var file = dir.Write("x.json", """{"hello": "world"}""");

        var run = await CliRun.InProcessAsync("convert", file, "--to", "ui");

        run.AssertError(LokiCodes.WorkflowUnknownFormat, 2, file);
    }

    [Fact]
    public async Task MissingSchemaFile_IsSchemaNotFound()
    {
        using var dir = new TempDir();
        var file = dir.Write("w.json", Workflows.Chain);

        var run = await CliRun.InProcessAsync("convert", file, "--to", "api", "--schemas", dir.File("nope.json"));

        run.AssertError(LokiCodes.SchemaNotFound, 2);
    }
}
