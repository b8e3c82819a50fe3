using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Python.Comfy;

namespace Loki.Core.Tests.Python;

/// <summary>Static extraction of ComfyUI nodes from hand-written sample packs using the usual patterns.</summary>
public sealed class StaticExtractionTests
{
    private const string NodesPy = """
        import folder_paths
        import comfy.samplers
        from .helpers import common_inputs, MAX_SIZE

        UPSCALE_METHODS = ["nearest-exact", "bilinear", "area"]


        class LiteralNode:
            @classmethod
            def INPUT_TYPES(s):
                return {"required": {"image": ("IMAGE",),
                                     "width": ("INT", {"default": 512, "min": 16, "max": MAX_SIZE, "step": 8}),
                                     "method": (s.methods, {"default": "area"}),
                                     "mode": (UPSCALE_METHODS,)},
                        "optional": {"mask": ("MASK", {"tooltip": "Where to apply \"it\"."})},
                        "hidden": {"unique_id": "UNIQUE_ID"}}
            methods = ["a", "b"] + ["c"]
            RETURN_TYPES = ("IMAGE", "INT")
            RETURN_NAMES = ("image", "count")
            FUNCTION = "go"
            CATEGORY = "sample/literal"
            DESCRIPTION = "Literal inputs."
            OUTPUT_IS_LIST = (False, True)


        class HelperNode:
            @classmethod
            def INPUT_TYPES(cls):
                inputs = common_inputs()
                inputs["required"]["ckpt_name"] = (folder_paths.get_filename_list("checkpoints"),)
                inputs["required"]["sampler"] = (comfy.samplers.KSampler.SAMPLERS,)
                return inputs
            RETURN_TYPES = ("MODEL",)
            FUNCTION = "load"
            OUTPUT_NODE = True
            INPUT_IS_LIST = True


        class Base:
            RETURN_TYPES = ("STRING",)
            FUNCTION = "run"
            CATEGORY = "sample/base"


        class Derived(Base):
            @classmethod
            def INPUT_TYPES(cls):
                return {"required": {"text": ("STRING", {"multiline": True, "default": "line1\nline2"})}}


        NODE_CLASS_MAPPINGS = {"LiteralNode": LiteralNode, "HelperNode": HelperNode}
        NODE_DISPLAY_NAME_MAPPINGS = {"LiteralNode": "Literal Node 🎨"}
        """;

    private const string HelpersPy = """
        MAX_SIZE = 8192 * 2

        def common_inputs():
            return {"required": {"strength": ("FLOAT", {"default": 1.0, "min": -10.0, "max": 10.0, "step": 0.01, "round": 0.001})}}
        """;

    private const string V3Py = """
        from typing_extensions import override
        from comfy_api.latest import ComfyExtension, io

        class Invert(io.ComfyNode):
            @classmethod
            def define_schema(cls) -> io.Schema:
                return io.Schema(
                    node_id="SampleInvert", display_name="Invert (Sample)", category="sample/v3",
                    inputs=[io.Image.Input("image"),
                            io.Float.Input("amount", default=1.0, min=0.0, max=1.0, step=0.01),
                            io.Combo.Input("mode", options=["rgb", "luma"]),
                            io.String.Input("note", multiline=True, optional=True),
                            io.Int.Input("seed", default=0, min=0, max=2**63-1, control_after_generate=True, optional=True)],
                    outputs=[io.Image.Output(display_name="inverted"), io.Mask.Output()],
                    hidden=[io.Hidden.unique_id],
                    is_output_node=True,
                )

            @classmethod
            def execute(cls, image, amount, mode, note="", seed=0) -> io.NodeOutput:
                return io.NodeOutput(image)

        class Ext(ComfyExtension):
            @override
            async def get_node_list(self):
                return [Invert]

        async def comfy_entrypoint():
            return Ext()
        """;

    private const string InitPy = """
        from .nodes import NODE_CLASS_MAPPINGS as A, NODE_DISPLAY_NAME_MAPPINGS as AD
        from .nodes import Derived

        NODE_CLASS_MAPPINGS = {**A}
        NODE_CLASS_MAPPINGS.update({"DerivedNode": Derived})
        NODE_DISPLAY_NAME_MAPPINGS = dict(AD)
        NODE_DISPLAY_NAME_MAPPINGS |= {"DerivedNode": "Derived"}
        """;

    private static string SamplePack()
    {
        var root = PythonTestSupport.NewFolder("pack");
        return PythonTestSupport.Write(Path.Combine(root, "sample_pack"),
            ("__init__.py", InitPy), ("nodes.py", NodesPy), ("helpers.py", HelpersPy));
    }

    [Fact]
    public async Task V1PatternsAreResolvedAndRuntimeValuesMarked()
    {
        var pack = await ComfyNodeExtractor.ExtractAsync(PythonTestSupport.Python, SamplePack());
        Assert.Equal(["DerivedNode", "HelperNode", "LiteralNode"], pack.Nodes.Select(n => n.ClassType));

        var literal = pack.Find("LiteralNode")!.ObjectInfo;
        var expected = JsonNode.Parse("""
            {"required": {"image": ["IMAGE"],
                          "width": ["INT", {"default": 512, "min": 16, "max": 16384, "step": 8}],
                          "method": [["a", "b", "c"], {"default": "area"}],
                          "mode": [["nearest-exact", "bilinear", "area"]]},
             "optional": {"mask": ["MASK", {"tooltip": "Where to apply \"it\"."}]},
             "hidden": {"unique_id": "UNIQUE_ID"}}
            """);
        Assert.True(JsonNode.DeepEquals(expected, literal["input"]), literal["input"]!.ToJsonString());
        Assert.Equal("""{"required":["image","width","method","mode"],"optional":["mask"],"hidden":["unique_id"]}""", literal["input_order"]!.ToJsonString());
        Assert.Equal("""["IMAGE","INT"]""", literal["output"]!.ToJsonString());
        Assert.Equal("""[false,true]""", literal["output_is_list"]!.ToJsonString());
        Assert.Equal("""["image","count"]""", literal["output_name"]!.ToJsonString());
        Assert.Equal("Literal Node 🎨", literal["display_name"]!.GetValue<string>());
        Assert.Equal("custom_nodes.sample_pack", literal["python_module"]!.GetValue<string>());
        Assert.Equal("sample/literal", literal["category"]!.GetValue<string>());
        Assert.Equal("go", pack.Find("LiteralNode")!.Function);

        var helper = pack.Find("HelperNode")!;
        var required = helper.ObjectInfo["input"]!["required"]!;
        Assert.Equal(1.0, required["strength"]![1]!["default"]!.GetValue<double>());
        Assert.Equal("folder_paths.get_filename_list('checkpoints')", UnresolvedValue.SourceOf(required["ckpt_name"]![0]));
        Assert.Equal("comfy.samplers.KSampler.SAMPLERS", UnresolvedValue.SourceOf(required["sampler"]![0]));
        Assert.True(helper.ObjectInfo["output_node"]!.GetValue<bool>());
        Assert.True(helper.InputIsList);
        Assert.Equal("HelperNode", helper.ObjectInfo["display_name"]!.GetValue<string>());
        Assert.Equal("sd", helper.ObjectInfo["category"]!.GetValue<string>());

        var derived = pack.Find("DerivedNode")!.ObjectInfo;
        Assert.Equal("sample/base", derived["category"]!.GetValue<string>());
        Assert.Equal("Derived", derived["display_name"]!.GetValue<string>());
        Assert.Equal("line1\nline2", derived["input"]!["required"]!["text"]![1]!["default"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReferencesIntoComfyUIResolveWhenItsSourceIsGiven()
    {
        var comfy = PythonTestSupport.Write(PythonTestSupport.NewFolder("comfy"),
            ("comfy/__init__.py", ""),
            ("comfy/samplers.py", "import torch\nKSAMPLER_NAMES = [\"euler\", \"heun\"]\nSAMPLER_NAMES = KSAMPLER_NAMES + [\"ddim\"]\n\nclass KSampler:\n    SAMPLERS = SAMPLER_NAMES\n"));
        var pack = await ComfyNodeExtractor.ExtractAsync(PythonTestSupport.Python, SamplePack(), comfy);
        var sampler = pack.Find("HelperNode")!.ObjectInfo["input"]!["required"]!["sampler"]!;
        Assert.Equal("""[["euler","heun","ddim"]]""", sampler.ToJsonString());
    }

    [Fact]
    public async Task V3SchemaGivesComfyUIsV1Info()
    {
        var root = PythonTestSupport.Write(Path.Combine(PythonTestSupport.NewFolder("v3"), "v3_pack"), ("__init__.py", V3Py));
        var pack = await ComfyNodeExtractor.ExtractAsync(PythonTestSupport.Python, root);
        var node = Assert.Single(pack.Nodes);
        Assert.Equal("SampleInvert", node.ClassType);
        Assert.Equal("v3", node.Api);
        var expected = JsonNode.Parse("""
            {"input": {"required": {"image": ["IMAGE", {}],
                                    "amount": ["FLOAT", {"default": 1.0, "min": 0.0, "max": 1.0, "step": 0.01}],
                                    "mode": ["COMBO", {"multiselect": false, "options": ["rgb", "luma"]}]},
                       "optional": {"note": ["STRING", {"multiline": true}],
                                    "seed": ["INT", {"default": 0, "min": 0, "max": 9223372036854775807, "control_after_generate": true}]},
                       "hidden": {"unique_id": ["UNIQUE_ID"], "prompt": ["PROMPT"], "extra_pnginfo": ["EXTRA_PNGINFO"]}},
             "input_order": {"required": ["image", "amount", "mode"], "optional": ["note", "seed"], "hidden": ["unique_id", "prompt", "extra_pnginfo"]},
             "output": ["IMAGE", "MASK"], "output_is_list": [false, false], "output_name": ["inverted", "MASK"],
             "output_tooltips": [null, null], "name": "SampleInvert", "display_name": "Invert (Sample)", "description": "",
             "python_module": "custom_nodes.v3_pack", "category": "sample/v3", "output_node": true,
             "deprecated": false, "experimental": false, "api_node": false}
            """);
        Assert.True(JsonNode.DeepEquals(expected, node.ObjectInfo), node.ObjectInfo.ToJsonString());
    }

    [Fact]
    public async Task UnreadableMappingsAreReportedNotGuessed()
    {
        var root = PythonTestSupport.Write(Path.Combine(PythonTestSupport.NewFolder("bad"), "dyn_pack"),
            ("__init__.py", "import json\nNODE_CLASS_MAPPINGS = json.load(open('nodes.json'))\n"));
        var pack = await ComfyNodeExtractor.ExtractAsync(PythonTestSupport.Python, root);
        Assert.Empty(pack.Nodes);
        Assert.Contains(pack.Diagnostics, d => d.Code == LokiCodes.ComfyExtractionIncomplete);
    }

    [Fact]
    public async Task SyntaxErrorsAreReportedWithTheFile()
    {
        var root = PythonTestSupport.Write(Path.Combine(PythonTestSupport.NewFolder("syntax"), "broken_pack"),
            ("__init__.py", "from .nodes import *\n"), ("nodes.py", "class A(:\n"));
        var pack = await ComfyNodeExtractor.ExtractAsync(PythonTestSupport.Python, root);
        Assert.Contains(pack.Diagnostics, d => d.Code == LokiCodes.ComfyExtractionIncomplete && d.File!.EndsWith("nodes.py", StringComparison.Ordinal) && d.Line == 1);
    }
}
