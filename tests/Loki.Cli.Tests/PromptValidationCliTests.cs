using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Tests;

namespace Loki.Cli.Tests;

/// <summary>
/// An API prompt is validated wherever one is read (issue 9 item 6): a real frontend-made prompt of the corpus,
/// broken in one place, fails every command with the code and the JSON path of the place.
/// </summary>
public sealed class PromptValidationCliTests
{
    private const string DefaultPrompt = "frontend-pairs/Comfy-Org__workflow_templates@Joshua-Chin-fork/templates/default.json.prompt.json";

    private static readonly string[] CommandNames = ["convert-api", "convert-ui", "convert-script", "inspect", "inspect-interface"];

    public static TheoryData<string> Commands => [.. CommandNames];

    [CorpusTheory]
    [MemberData(nameof(Commands))]
    public async Task Cycle_FailsEveryCommand(string command)
    {
        using var dir = new TempDir();
        var prompt = Broken(p => p["6"]!["inputs"]!["clip"] = new JsonArray("3", 0));
        var file = dir.Write("cycle.json", prompt.ToJsonString());

        var run = await RunAsync(command, file, dir);

        run.AssertError(LokiCodes.PromptCycle, 1, file);
        Assert.Contains("$[\"3\"].inputs.positive", run.Stderr, StringComparison.Ordinal);
    }

    [CorpusTheory]
    [MemberData(nameof(Commands))]
    public async Task LinkPastTheOutputs_FailsEveryCommand(string command)
    {
        using var dir = new TempDir();
        var prompt = Broken(p => p["8"]!["inputs"]!["vae"] = new JsonArray("4", 5));
        var file = dir.Write("slot.json", prompt.ToJsonString());

        var run = await RunAsync(command, file, dir);

        run.AssertError(LokiCodes.PromptLinkToMissingOutput, 1, file);
        Assert.Contains("$[\"8\"].inputs.vae", run.Stderr, StringComparison.Ordinal);
    }

    [CorpusTheory]
    [MemberData(nameof(Commands))]
    public async Task NegativeOutputIndex_FailsEveryCommand(string command)
    {
        using var dir = new TempDir();
        var prompt = Broken(p => p["8"]!["inputs"]!["vae"] = new JsonArray("4", -1));
        var file = dir.Write("negative.json", prompt.ToJsonString());

        var run = await RunAsync(command, file, dir);

        run.AssertError(LokiCodes.PromptLinkToMissingOutput, 1, file);
    }

    [CorpusFact]
    public async Task UnknownClass_IsAWarningWithItsPath()
    {
        using var dir = new TempDir();
        var prompt = Broken(p => p["9"]!["class_type"] = "NoSuchSaver");
        var file = dir.Write("unknown.json", prompt.ToJsonString());

        foreach (var command in new[] { "convert-api", "inspect" })
        {
            var run = await RunAsync(command, file, dir);

            Assert.True(run.ExitCode == 0, $"{command}: exit {run.ExitCode}: {run.Stderr}");
            Assert.Contains(LokiCodes.PromptUnknownClass, run.Codes);
            Assert.Contains("warning LOKI1014", run.Stderr, StringComparison.Ordinal);
            Assert.Contains("$[\"9\"].class_type", run.Stderr, StringComparison.Ordinal);
        }
    }

    [CorpusFact]
    public async Task UnknownClass_KnownToTheGivenSchemas_IsNoWarning()
    {
        using var dir = new TempDir();
        var prompt = Broken(p => p["9"]!["class_type"] = "NoSuchSaver");
        var file = dir.Write("unknown.json", prompt.ToJsonString());
        var schema = dir.Write("extra.object_info.json", """{"NoSuchSaver": {"input": {"required": {"images": ["IMAGE"]}}, "output": [], "name": "NoSuchSaver", "output_node": true}}""");

        var run = await CliRun.InProcessAsync("inspect", file, "--schemas", schema);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain(LokiCodes.PromptUnknownClass, run.Codes);
    }

    [CorpusFact]
    public async Task TheUnbrokenPrompt_PassesEveryCommand()
    {
        using var dir = new TempDir();
        var file = dir.Write("ok.json", Broken(_ => { }).ToJsonString());
        foreach (var command in CommandNames)
        {
            var run = await RunAsync(command, file, dir);
            Assert.True(run.ExitCode == 0, $"{command}: exit {run.ExitCode}: {run.Stderr}");
            Assert.DoesNotContain(run.Codes, c => c is LokiCodes.PromptCycle or LokiCodes.PromptLinkToMissingOutput or LokiCodes.PromptUnknownClass);
        }
    }

    private static JsonObject Broken(Action<JsonObject> change)
    {
        var prompt = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Corpus!, DefaultPrompt)))!.AsObject();
        change(prompt);
        return prompt;
    }

    private static Task<CliResult> RunAsync(string command, string file, TempDir dir) => command switch
    {
        "convert-api" => CliRun.InProcessAsync("convert", file, "--to", "api"),
        "convert-ui" => CliRun.InProcessAsync("convert", file, "--to", "ui"),
        "convert-script" => CliRun.InProcessAsync("convert", file, "--to", "script", "-o", dir.File("flow.py")),
        "inspect" => CliRun.InProcessAsync("inspect", file, "--json"),
        _ => CliRun.InProcessAsync("inspect", file, "--interface"),
    };
}
