using System.Text.Json.Nodes;
using Loki.Tests;

namespace Loki.Cli.Tests;

/// <summary>
/// <c>loki inspect</c> reports which definition each class used when several dumps define it (issue 9 item 4), and
/// the choice is made per node from its saved widgets, whatever order the dumps are given in.
/// </summary>
public sealed class SchemaChoiceCliTests
{
    private const string ClipLoaderWorkflow = "frontend-pairs/Comfy-Org__workflow_templates@Joshua-Chin-fork/templates/audio_stable_audio_example.json.workflow.json";
    private const string AnimateDiffWorkflow = "workflows/rvion__comfy-ts/tests/fixtures/workflows/template_animate_diff_loops.json";

    [CorpusFact]
    public async Task Inspect_NamesTheNewestDefinitionThatFitsTheSavedWidgets()
    {
        var report = await InspectAsync(ClipLoaderWorkflow, Path.Combine(RepoPaths.Corpus!, "schemas"));

        // CLIPLoader has an older definition (no 'device') in the folder too; the 0.3.64 reference is the newest.
        var clip = Single(report, "CLIPLoader");
        Assert.Equal("0.3.64", clip["comfyui_version"]!.GetValue<string>());
        Assert.True(clip["candidates"]!.GetValue<int>() > 1);
    }

    [CorpusFact]
    public async Task Inspect_KeepsAnOlderDefinitionWhenOnlyItFitsTheSavedWidgets()
    {
        var report = await InspectAsync(AnimateDiffWorkflow, Path.Combine(RepoPaths.Corpus!, "schemas"));

        // Saved as [0, "FreeNoise", "comfy", 0, false]: the newer definition (autosize hidden) has no fifth widget.
        var use = Single(report, "ADE_AnimateDiffSamplingSettings");
        Assert.Contains("rvion__comfy-ts", use["source"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [CorpusFact]
    public async Task Inspect_AndConvert_DoNotDependOnTheOrderOfTheDumps()
    {
        var dumps = Directory.EnumerateFiles(Path.Combine(RepoPaths.Corpus!, "schemas"), "*object_info*.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).ToList();
        var workflow = Path.Combine(RepoPaths.Corpus!, ClipLoaderWorkflow);
        var runs = new List<(string Definitions, string Prompt)>();
        foreach (var order in new[] { dumps, Enumerable.Reverse(dumps).ToList() })
        {
            var schemaArgs = order.SelectMany(f => new[] { "--schemas", f }).ToArray();
            var inspect = await CliRun.InProcessAsync(["inspect", workflow, "--json", .. schemaArgs]);
            var convert = await CliRun.InProcessAsync(["convert", workflow, "--to", "api", .. schemaArgs]);
            Assert.True(inspect.ExitCode == 0 && convert.ExitCode == 0, inspect.Stderr + convert.Stderr);
            runs.Add((JsonNode.Parse(inspect.Stdout)!["definitions"]!.ToJsonString(), convert.Stdout));
        }

        Assert.Equal(runs[0], runs[1]);
        Assert.Contains("\"device\"", runs[0].Prompt, StringComparison.Ordinal);
    }

    private static async Task<JsonNode> InspectAsync(string workflow, string schemas)
    {
        var run = await CliRun.InProcessAsync("inspect", Path.Combine(RepoPaths.Corpus!, workflow), "--schemas", schemas, "--json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        return JsonNode.Parse(run.Stdout)!;
    }

    private static JsonNode Single(JsonNode report, string type) =>
        Assert.Single(report["definitions"]!.AsArray(), d => d!["type"]!.GetValue<string>() == type)!;
}
