using Loki.Core.Diagnostics;
using Loki.Core.Tests.Python;
using Loki.Tests;

namespace Loki.Cli.Tests.Python;

/// <summary>
/// <c>loki import-node</c> end to end. The ComfyUI the scripts run against is a small stand-in written by the test
/// (ComfyUI's import surface: <c>nodes.NODE_CLASS_MAPPINGS</c>, <c>init_extra_nodes</c>, <c>load_custom_node</c>,
/// <c>comfy.cli_args</c>), so the test needs only torch, not ComfyUI's own dependencies.
/// </summary>
public sealed class ImportNodeEndToEndTests
{
    private const string NodesPy = """
        import importlib.util, os, sys
        import torch

        NODE_CLASS_MAPPINGS = {}
        NODE_DISPLAY_NAME_MAPPINGS = {}


        class ImageInvertStrength:
            @classmethod
            def INPUT_TYPES(s):
                return {"required": {"image": ("IMAGE",),
                                     "strength": ("FLOAT", {"default": 1.0, "min": 0.0, "max": 1.0, "step": 0.05}),
                                     "ckpt_name": (folder_paths.get_filename_list("checkpoints"),)},
                        "hidden": {"unique_id": "UNIQUE_ID", "extra_pnginfo": "EXTRA_PNGINFO"}}
            RETURN_TYPES = ("IMAGE", "INT")
            RETURN_NAMES = ("image", "height")
            FUNCTION = "invert"
            CATEGORY = "image"

            def invert(self, image, strength, ckpt_name="x", *, unique_id, extra_pnginfo):
                assert isinstance(image, torch.Tensor) and unique_id == "loki" and extra_pnginfo is None
                return (image * (1 - strength) + (1 - image) * strength, image.shape[1])


        NODE_CLASS_MAPPINGS["ImageInvertStrength"] = ImageInvertStrength


        async def init_extra_nodes(init_custom_nodes=True, init_api_nodes=True):
            pass


        async def load_custom_node(module_path, ignore=set(), module_parent="custom_nodes"):
            name = os.path.basename(module_path)
            spec = importlib.util.spec_from_file_location(name, os.path.join(module_path, "__init__.py"), submodule_search_locations=[module_path])
            module = importlib.util.module_from_spec(spec)
            sys.modules[name] = module
            spec.loader.exec_module(module)
            NODE_CLASS_MAPPINGS.update(module.NODE_CLASS_MAPPINGS)
            return True
        """;

    private const string PackPy = """
        class Halve:
            '''Halves a mask.'''
            @classmethod
            def INPUT_TYPES(cls):
                return {"required": {"mask": ("MASK",), "label": ("STRING", {"default": "a \"b\"", "multiline": True})}}
            RETURN_TYPES = ("MASK",)
            FUNCTION = "run"
            CATEGORY = "mask/halve"
            DESCRIPTION = "Halves a mask."

            def run(self, mask, label):
                return (mask * 0.5,)

        NODE_CLASS_MAPPINGS = {"HalveMask": Halve}
        NODE_DISPLAY_NAME_MAPPINGS = {"HalveMask": "Halve Mask"}
        """;

    private static string FakeComfyUI()
    {
        var root = Path.Combine(PythonTestSupport.NewFolder("fakecomfy"), "ComfyUI");
        return PythonTestSupport.Write(root,
            ("nodes.py", "import folder_paths\n" + NodesPy),
            ("folder_paths.py", "import os\n\ndef get_filename_list(folder):\n    return sorted(os.listdir(os.path.join(os.path.dirname(__file__), 'models', folder)))\n"),
            ("models/checkpoints/a.safetensors", ""),
            ("comfy/__init__.py", ""),
            ("comfy/options.py", "args_parsing = False\n"),
            ("comfy/cli_args.py", "class _Args:\n    cpu = False\n\nargs = _Args()\n"),
            ("comfy_extras/.keep", ""),
            ("custom_nodes/halve_pack/__init__.py", PackPy));
    }

    private static string Literal(string s) => Loki.Core.Text.PythonLiteral.String(s);

    private static string Image(string folder)
    {
        var path = Path.Combine(folder, "in.png");
        var (e, _, err) = PythonTestSupport.RunPython(
            $"import numpy as np\nfrom PIL import Image\nImage.fromarray((np.random.default_rng(2).random((4, 7, 3)) * 255).astype('uint8')).save({Literal(path)})");
        Assert.True(e == 0, err);
        return path;
    }

    [RuntimeFact]
    public async Task CoreNodeScriptRunsWithComfyUIOnThePathAndSaysSoWhenMissing()
    {
        var comfy = FakeComfyUI();
        var lib = PythonTestSupport.NewFolder("lib");
        var node = Path.Combine(lib, "nodes", "invert_strength");
        var (exit, _, stderr) = await CliRunner.RunAsync("import-node", comfy + ":ImageInvertStrength", "--into", node);
        Assert.Equal(0, exit);
        Assert.Contains(LokiCodes.ComfyValueUnresolved, stderr, StringComparison.Ordinal);
        var config = File.ReadAllText(Path.Combine(node, "invert_strength.json"));
        Assert.Contains("\"comfy\": {", config, StringComparison.Ordinal);
        Assert.Contains("\"class\": \"ImageInvertStrength\"", config, StringComparison.Ordinal);
        Assert.Contains("\"pack\": \"comfyui\"", config, StringComparison.Ordinal);
        Assert.Contains("folder_paths.get_filename_list('checkpoints')", config, StringComparison.Ordinal);

        var image = Image(lib);
        var script = Path.Combine(node, "invert_strength.py");
        var missing = PythonTestSupport.Run(RepoPaths.Python, [script, "--image", image, "--strength", "1", "--ckpt-name", "a.safetensors"]);
        Assert.Equal(1, missing.Exit);
        Assert.Single(missing.Stderr.Trim().Split('\n'));
        Assert.Contains("--comfyui", missing.Stderr, StringComparison.Ordinal);

        var help = PythonTestSupport.Run(RepoPaths.Python, [script, "--help"]);
        Assert.Equal(0, help.Exit);
        Assert.Contains("--ckpt-name", help.Stdout, StringComparison.Ordinal);

        var run = PythonTestSupport.Run(RepoPaths.Python, [script, "--image", image, "--strength", "1", "--ckpt-name", "a.safetensors", "--json", "--output", Path.Combine(lib, "out"), "--comfyui", comfy]);
        Assert.True(run.Exit == 0, run.Stderr);
        Assert.Contains("\"height\": 4", run.Stdout, StringComparison.Ordinal);

        var viaEnv = PythonTestSupport.Run(RepoPaths.Python, [script, "--image", image, "--strength", "0.5", "--ckpt-name", "a", "--json", "--output", Path.Combine(lib, "out2")],
            env: new Dictionary<string, string?> { ["COMFYUI_PATH"] = comfy });
        Assert.True(viaEnv.Exit == 0, viaEnv.Stderr);

        // The generated LOKI Node, loaded like ComfyUI loads a pack, gives the pixels the script gives.
        var check = PythonTestSupport.RunPython($$"""
            import os, sys, importlib.util, numpy as np, torch
            from PIL import Image
            os.environ["COMFYUI_PATH"] = {{Literal(comfy)}}
            sys.path.insert(0, {{Literal(comfy)}})
            from loki_runtime import loader
            cls = loader.load_pack({{Literal(node)}})["LokiInvertStrength"]
            spec = cls.INPUT_TYPES()["required"]
            assert spec["ckpt_name"][0] == ["a.safetensors"], spec["ckpt_name"]
            src = torch.from_numpy(np.asarray(Image.open({{Literal(image)}}), dtype=np.float32)[None] / 255.0)
            image, height = getattr(cls(), cls.FUNCTION)(image=src, strength=1.0, ckpt_name="a.safetensors")
            print(height, float((image - (1 - src)).abs().max()) < 1e-6)
            """);
        Assert.True(check.Exit == 0, check.Stderr);
        Assert.Equal("4 True", check.Stdout.Trim());
    }

    [RuntimeFact]
    public async Task PackNodeScriptLoadsThePackFromComfyUIsCustomNodes()
    {
        var comfy = FakeComfyUI();
        var lib = PythonTestSupport.NewFolder("lib");
        var node = Path.Combine(lib, "nodes", "halve_mask");
        var (exit, _, stderr) = await CliRunner.RunAsync("import-node", Path.Combine(comfy, "custom_nodes", "halve_pack") + ":HalveMask", "--into", node);
        Assert.True(exit == 0, stderr);
        Assert.Contains("\"pack\": \"halve_pack\"", File.ReadAllText(Path.Combine(node, "halve_mask.json")), StringComparison.Ordinal);
        Assert.Contains("Halve Mask (LOKI)", File.ReadAllText(Path.Combine(node, "__init__.py")), StringComparison.Ordinal);

        var mask = Path.Combine(lib, "mask.png");
        Assert.Equal(0, PythonTestSupport.RunPython($"from PIL import Image\nImage.new('L', (3, 2), 200).save({Literal(mask)})").Exit);
        var check = PythonTestSupport.RunPython($$"""
            import os, importlib.util
            os.environ["COMFYUI_PATH"] = {{Literal(comfy)}}
            spec = importlib.util.spec_from_file_location("halve_script", {{Literal(Path.Combine(node, "halve_mask.py"))}})
            m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
            out = m.run(mask={{Literal(mask)}})
            print(list(out), out["mask"].shape, round(float(out["mask"].max()), 4))
            """);
        Assert.True(check.Exit == 0, check.Stderr);
        Assert.Equal($"['mask'] (1, 2, 3) {Math.Round(200 / 255.0 * 0.5, 4).ToString(System.Globalization.CultureInfo.InvariantCulture)}", check.Stdout.Trim());
    }

    [Fact]
    public async Task UnknownClassesAreCodedErrorsListingWhatThePackHas()
    {
        var comfy = FakeComfyUI();
        var (exit, _, stderr) = await CliRunner.RunAsync("import-node", Path.Combine(comfy, "custom_nodes", "halve_pack") + ":Nope", "--into", Path.Combine(PythonTestSupport.NewFolder("x"), "nope"));
        Assert.Equal(1, exit);
        Assert.Contains(LokiCodes.ComfyNodeNotFound, stderr, StringComparison.Ordinal);
        Assert.Contains("HalveMask", stderr, StringComparison.Ordinal);
    }
}
