using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Media;
using Loki.Core.Text;

namespace Loki.Cli.Tests;

public sealed class ConvertCommandTests
{
    /// <summary>A valid 1x1 PNG without metadata.</summary>
    internal static readonly byte[] PlainPng = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static string Canonical(string json) => CanonicalJson.WriteCompact(CanonicalJson.SortKeys(JsonNode.Parse(json)));

    [Fact]
    public async Task Convert_UiToApi_WritesThePromptToStdout()
    {
        using var dir = new TempDir();

        var run = await CliRun.InProcessAsync("convert", dir.Write("w.json", Workflows.Chain), "--to", "api");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Canonical(Workflows.ChainPrompt), Canonical(run.Stdout));
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public async Task Convert_ApiToUi_WritesAGeneratedWorkflowAtomically()
    {
        using var dir = new TempDir();
        var input = dir.Write("p.json", Workflows.ChainPrompt);
        var output = dir.File("out/w.json");

        var run = await CliRun.InProcessAsync("convert", input, "--to=ui", "-o", output);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        var ui = JsonNode.Parse(File.ReadAllText(output))!.AsObject();
        Assert.Equal(3, ui["nodes"]!.AsArray().Count);
        Assert.Equal(2, ui["links"]!.AsArray().Count);
        Assert.True(ui["extra"]!["loki"]!["generated"]!.GetValue<bool>());
        Assert.Equal("p.json", ui["extra"]!["loki"]!["source"]!.GetValue<string>());
        Assert.Equal(64, ui["extra"]!["loki"]!["source_sha256"]!.GetValue<string>().Length);
        Assert.Single(Directory.GetFiles(dir.File("out"))); // no temporary file left behind

        var back = await CliRun.InProcessAsync("convert", output, "--to", "api");
        Assert.Equal(Canonical(Workflows.ChainPrompt), Canonical(back.Stdout));
    }

    [Fact]
    public async Task Convert_IsDeterministic()
    {
        using var dir = new TempDir();
        var input = dir.Write("p.json", Workflows.ChainPrompt);

        var first = await CliRun.InProcessAsync("convert", input, "--to", "ui");
        var second = await CliRun.InProcessAsync("convert", input, "--to", "ui");

        Assert.Equal(first.Stdout, second.Stdout);
    }

    [Theory]
    [InlineData("api")]
    [InlineData("ui")]
    public async Task Convert_PngCarryingTheWorkflow_ReadsTheEmbeddedJson(string to)
    {
        using var dir = new TempDir();
        var png = dir.Write("w.png", PngMetadataWriter.Embed(PlainPng, JsonNode.Parse(Workflows.ChainPrompt), JsonNode.Parse(Workflows.Chain)));

        var run = await CliRun.InProcessAsync("convert", png, "--to", to);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Canonical(to == "api" ? Workflows.ChainPrompt : Workflows.Chain), Canonical(run.Stdout));
    }

    [Fact]
    public async Task Convert_SchemasOption_LoadsADump()
    {
        using var dir = new TempDir();
        var dump = dir.Write("custom.json", """
            {"MyNode": {"input": {"required": {"image": ["IMAGE"], "amount": ["FLOAT", {"default": 0.5}]}}, "input_order": {"required": ["image", "amount"]},
                        "output": ["IMAGE"], "output_name": ["IMAGE"], "output_is_list": [false], "name": "MyNode", "display_name": "My Node", "python_module": "custom_nodes.mine"}}
            """);
        var workflow = dir.Write("w.json", Workflows.ChainWith("\"type\": \"ImageInvert\"", "\"type\": \"MyNode\", \"widgets_values\": [0.75]"));

        var without = await CliRun.InProcessAsync("convert", workflow, "--to", "api");
        var with = await CliRun.InProcessAsync("convert", workflow, "--to", "api", "--schemas", dump);

        Assert.Equal(0, with.ExitCode);
        Assert.Equal("0.75", JsonNode.Parse(with.Stdout)!["2"]!["inputs"]!["amount"]!.ToJsonString());
        Assert.NotEqual(with.Stdout, without.Stdout);
    }

    [Fact]
    public async Task Convert_Seed_ResolvesDynamicPromptsDeterministically()
    {
        using var dir = new TempDir();
        var workflow = dir.Write("w.json", Workflows.ChainWith("[\"ComfyUI\"]", "[\"{a|b|c|d|e|f|g|h}\"]"));

        var first = await CliRun.InProcessAsync("convert", workflow, "--to", "api", "--seed", "7");
        var second = await CliRun.InProcessAsync("convert", workflow, "--to", "api", "--seed", "7");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Stdout, second.Stdout);
    }

    [Theory]
    [InlineData("convert")]
    [InlineData("convert w.json")]
    [InlineData("convert w.json --to pdf")]
    [InlineData("convert w.json --to api --seed x")]
    [InlineData("convert w.json --to api --bogus")]
    [InlineData("convert w.json --to api -o")]
    [InlineData("convert a.json b.json --to api")]
    [InlineData("frobnicate")]
    [InlineData("convert  --to api")]
    [InlineData("inspect ")]
    public async Task Convert_BadUsage_IsExitTwo(string commandLine)
    {
        var run = await CliRun.InProcessAsync(commandLine.Split(' '));

        run.AssertError(LokiCodes.BadUsage, 2);
    }

    [Fact]
    public async Task Help_ListsTheTargets()
    {
        var run = await CliRun.InProcessAsync("convert", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("api|ui", run.Stdout, StringComparison.Ordinal);
    }
}
