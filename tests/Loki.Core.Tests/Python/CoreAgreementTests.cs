using System.Text.Json.Nodes;
using Loki.Core.Python.Comfy;
using Loki.Tests;
using Xunit.Abstractions;

namespace Loki.Core.Tests.Python;

/// <summary>
/// Static extraction of ComfyUI 0.3.64's own nodes (nodes.py and comfy_extras) compared with the /object_info the
/// real server gives for the same source: the ComfyUI of shared/tools/comfyui (<see cref="RepoPaths.ComfyUITool"/>),
/// read in place (reading needs no copy) and started from a copy (<see cref="ComfyUIServer"/>).
/// </summary>
public sealed class CoreAgreementTests(ITestOutputHelper output)
{
    [SkippableComfyFact]
    public async Task CoreNodesAgreeWithTheRealServersObjectInfo()
    {
        JsonObject served;
        await using (var server = await ComfyUIServer.StartAsync())
        {
            served = (JsonObject)JsonNode.Parse(await server.GetStringAsync("/object_info"))!;
        }

        // ComfyUI's own nodes; the example custom node it ships (custom_nodes/websocket_image_save.py) is no core node.
        var core = served.Where(p => !(p.Value!["python_module"]?.GetValue<string>() ?? "").StartsWith("custom_nodes", StringComparison.Ordinal)).ToList();
        var pack = await ComfyNodeExtractor.ExtractAsync(PythonTestSupport.Python, Path.Combine(RepoPaths.ComfyUITool!, "ComfyUI"));
        var extracted = ObjectInfoDocument.Build(pack);
        int found = 0, exact = 0, onlyUnresolved = 0, wrong = 0;
        var wrongNames = new List<string>();
        foreach (var (name, expected) in core)
        {
            if (extracted[name] is not JsonObject actual)
            {
                wrongNames.Add(name + ": not extracted");
                continue;
            }

            found++;
            if (JsonNode.DeepEquals(actual, expected))
            {
                exact++;
                continue;
            }

            // Differences only where a value is marked unresolved (runtime file lists) are honest, not wrong.
            var differs = actual.Where(p => !JsonNode.DeepEquals(p.Value, expected![p.Key])).ToList();
            if (differs.All(p => UnresolvedValue.FindAll(p.Value).Any()))
            {
                onlyUnresolved++;
            }
            else
            {
                wrong++;
                wrongNames.Add(name + ":" + string.Join(",", differs.Select(d => d.Key)));
            }
        }

        output.WriteLine($"served {core.Count} core nodes, found {found}, exact {exact}, differing only by unresolved markers {onlyUnresolved}, wrong {wrong}");
        output.WriteLine(string.Join("\n", wrongNames));
        Assert.True(core.Count >= 375, $"the server gave only {core.Count} core nodes");
        Assert.Equal(core.Count, found);
        Assert.True(exact >= 340, $"exact {exact} of {core.Count}");
        Assert.Equal(0, wrong);
    }

    private sealed class SkippableComfyFactAttribute : FactAttribute
    {
        public SkippableComfyFactAttribute()
        {
            if (RepoPaths.ComfyUITool is null)
            {
                Skip = "the real ComfyUI (../shared/tools/comfyui or $LOKI_COMFYUI_TOOL) is absent";
            }
        }
    }
}
