using System.Text.Json.Nodes;
using Loki.Core.Config;
using Loki.Core.Diagnostics;
using Loki.Core.Python.Comfy;

namespace Loki.Core.Tests.Python;

/// <summary>/object_info entries (V1 and V3 forms) → LOKI node interfaces.</summary>
public sealed class ObjectInfoConverterTests
{
    private static ExtractedNode Node(string json) =>
        new("Probe", "Probe", "nodes.py", 1, "v3", "execute", false, (JsonObject)JsonNode.Parse(json)!);

    [Fact]
    public void V3AndV1FormsBecomePorts()
    {
        var node = Node("""
            {"input": {"required": {"image": ["IMAGE", {}],
                                    "mode": ["COMBO", {"multiselect": false, "options": ["a", "b"], "default": "b"}],
                                    "legacy": [["x", "y"], {"tooltip": "Old style."}],
                                    "txt": ["STRING", {"multiline": true, "placeholder": "type"}],
                                    "ckpt": [{"__loki_unresolved__": "folder_paths.get_filename_list('checkpoints')"}, {}],
                                    "cfg": ["FLOAT", {"default": 8.0, "min": 0.0, "max": 100.0, "step": 0.1, "round": 0.01}]},
                       "optional": {"seed": ["INT", {"default": 0, "control_after_generate": true}]},
                       "hidden": {"unique_id": ["UNIQUE_ID"]}},
             "output": ["IMAGE", "IMAGE", ["p", "q"]], "output_name": ["IMAGE", "IMAGE", "choice"],
             "output_tooltips": ["First.", null, null], "display_name": "Probe Node", "description": "Probes.",
             "category": "test/probe", "output_node": true}
            """);
        var diagnostics = new DiagnosticBag();
        var config = ObjectInfoConverter.ToConfig(node, "probe", "my_pack", "nodes.py", diagnostics);
        Assert.Equal(["image", "mode", "legacy", "txt", "ckpt", "cfg", "seed"], config.Inputs.Select(p => p.Name));
        var p = config.Inputs.ToDictionary(x => x.Name);
        Assert.Equal((PortTypes.Combo, "b"), (p["mode"].Type, p["mode"].Default!.GetValue<string>()));
        Assert.Equal(["a", "b"], p["mode"].OptionsOrEmpty.ToArray());
        Assert.Equal(["x", "y"], p["legacy"].OptionsOrEmpty.ToArray());
        Assert.Equal("Old style.", p["legacy"].Description);
        Assert.True(p["txt"].Multiline);
        Assert.Equal("type", p["txt"].Extra!["placeholder"]!.GetValue<string>());
        Assert.Equal("folder_paths.get_filename_list('checkpoints')", p["ckpt"].Extra!["options_unresolved"]!.GetValue<string>());
        Assert.Equal((0.0, 100.0, 0.1), (p["cfg"].Min!.Value, p["cfg"].Max!.Value, p["cfg"].Step!.Value));
        Assert.False(p["seed"].Required);
        Assert.True(p["seed"].Extra!["control_after_generate"]!.GetValue<bool>());
        Assert.Equal(["image", "image_2", "choice"], config.Outputs.Select(o => o.Name));
        Assert.Equal([PortTypes.Image, PortTypes.Image, PortTypes.Combo], config.Outputs.Select(o => o.Type));
        Assert.Equal("First.", config.Outputs[0].Description);
        Assert.Equal(new ComfyReference("Probe", "my_pack"), config.Comfy);
        Assert.True(config.OutputNode);
        Assert.Equal("test/probe", config.Category);
        Assert.Equal("Probe Node", config.Extra["node_display_name"]!.GetValue<string>());
        Assert.Single(diagnostics.Items, d => d.Code == LokiCodes.ComfyValueUnresolved);
    }
}
