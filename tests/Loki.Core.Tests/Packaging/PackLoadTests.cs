using System.Text.Json.Nodes;
using Loki.Core.Packaging;
using Loki.Core.Requirements;
using Loki.Tests;

namespace Loki.Core.Tests.Packaging;

/// <summary>The built pack, loaded exactly as ComfyUI loads a custom-node folder, under a folder name of its own.</summary>
public class PackLoadTests
{
    internal static JsonNode Probe(string packDir, bool run)
    {
        var probe = RepoPaths.InRepo("tests", "python", "probes", "comfy_load_probe.py");
        var result = PythonProcess.Run(PythonProcess.DefaultInterpreter, run ? [probe, packDir, "--run"] : [probe, packDir],
            environment: new Dictionary<string, string?> { ["PYTHONPATH"] = null, ["COMFYUI_PATH"] = null });
        Assert.True(result.ExitCode == 0, result.Stderr);
        return JsonNode.Parse(result.Stdout)!;
    }

    [Fact]
    public void ComfyUI_loads_the_pack_under_another_folder_name_and_runs_each_kind_of_node()
    {
        using var s = new SamplePack();
        var built = PackBuilder.Build(s.Options());
        Assert.True(built.Ok, string.Join("\n", built.Diagnostics));
        var installed = Path.Combine(s.Root, "ComfyUI", "custom_nodes", "comfyui-loki.v2"); // a registry-style, dotted name
        PackWriter.WriteFolder(built.Entries, installed);

        var probe = Probe(installed, run: true);

        Assert.Equal(["LokiImageInvert", "LokiInput", "LokiOutput", "LokiValueDoubler"], probe["keys"]!.AsArray().Select(k => k!.GetValue<string>()));
        Assert.All(probe["input_types"]!.AsObject(), e => Assert.Null(e.Value!["error"]));
        Assert.Equal(["image"], probe["input_types"]!["LokiImageInvert"]!["required"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.Equal("./web", probe["web"]!.GetValue<string>());
        Assert.Equal(["NODE_CLASS_MAPPINGS", "NODE_DISPLAY_NAME_MAPPINGS", "WEB_DIRECTORY"], probe["all"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.Contains(probe["warnings"]!.AsArray(), w => w!.GetValue<string>().Contains("broken_node", StringComparison.Ordinal));
        Assert.True(probe["pack_on_path"]!.GetValue<bool>());
        Assert.True(probe["runtime_from_pack"]!.GetValue<bool>());
        Assert.False(probe["nodes_module_shadowed"]!.GetValue<bool>());

        var runs = probe["runs"]!.AsArray().ToDictionary(r => r!["kind"]!.GetValue<string>(), r => r!);
        Assert.Equal(["function", "script"], runs.Keys.Order(StringComparer.Ordinal));
        Assert.All(runs.Values, r => Assert.Equal("ran", r["status"]!.GetValue<string>()));
        Assert.Equal(42, runs["script"]["outputs"]![0]!.GetValue<int>());
        Assert.Equal([1, 4, 6, 3], runs["function"]["outputs"]![0]!.AsArray().Select(x => x!.GetValue<int>()));
    }
}
