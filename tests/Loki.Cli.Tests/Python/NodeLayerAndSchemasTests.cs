using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Tests.Python;
using Loki.Tests;

namespace Loki.Cli.Tests.Python;

/// <summary><c>loki node-to-script</c>, <c>loki script-to-node</c> and <c>loki schemas extract</c>.</summary>
public sealed class NodeLayerAndSchemasTests
{
    private const string HandWrittenNode = """
        import torch


        class Posterize:
            '''Posterizes an image to a number of levels.'''
            LEVELS = {"default": 4, "min": 2, "max": 256}

            @classmethod
            def INPUT_TYPES(cls):
                return {"required": {"image": ("IMAGE", {"tooltip": "Picture."}), "levels": ("INT", cls.LEVELS)}}

            RETURN_TYPES = ("IMAGE",)
            RETURN_NAMES = ("image",)
            FUNCTION = "posterize"
            CATEGORY = "LOKI 🦊/image/color"
            DESCRIPTION = "Posterizes an image to a number of levels."

            def posterize(self, image, levels):
                return (torch.round(image * (levels - 1)) / (levels - 1),)
        """;

    private const string HandWrittenInit = """
        from .posterize_node import Posterize

        NODE_CLASS_MAPPINGS = {"LokiPosterize": Posterize}
        NODE_DISPLAY_NAME_MAPPINGS = {"LokiPosterize": "Posterize (LOKI)"}
        """;

    private static string Literal(string s) => Loki.Core.Text.PythonLiteral.String(s);

    [RuntimeFact]
    public async Task AHandWrittenNodeGetsAScriptThatRunsIt()
    {
        var lib = PythonTestSupport.NewFolder("n2s");
        var node = PythonTestSupport.Write(Path.Combine(lib, "nodes", "posterize"), ("posterize_node.py", HandWrittenNode), ("__init__.py", HandWrittenInit));
        var initBefore = File.ReadAllText(Path.Combine(node, "__init__.py"));
        var (exit, _, stderr) = await CliRunner.RunAsync("node-to-script", node);
        Assert.True(exit == 0, stderr);
        Assert.Equal(initBefore, File.ReadAllText(Path.Combine(node, "__init__.py")));
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(node, "posterize.json")))!;
        Assert.Equal("image/color", config["category"]!.GetValue<string>());
        Assert.Equal(256, config["inputs"]!["levels"]!["max"]!.GetValue<double>());
        Assert.Null(config["comfy"]);

        var image = Path.Combine(lib, "in.png");
        Assert.Equal(0, PythonTestSupport.RunPython($"import numpy as np\nfrom PIL import Image\nImage.fromarray((np.linspace(0, 1, 48).reshape(4, 4, 3) * 255).astype('uint8')).save({Literal(image)})").Exit);
        var script = Path.Combine(node, "posterize.py");
        var run = PythonTestSupport.Run(RepoPaths.Python, [script, "--image", image, "--levels", "2", "--json", "--output", Path.Combine(lib, "out")]);
        Assert.True(run.Exit == 0, run.Stderr);
        var check = PythonTestSupport.RunPython($$"""
            import importlib.util, numpy as np
            spec = importlib.util.spec_from_file_location("posterize_script", {{Literal(script)}})
            m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
            out = m.run(image={{Literal(image)}}, levels=2)["image"]
            print(out.shape, sorted(set(np.unique(out).tolist())) == [0.0, 1.0])
            """);
        Assert.True(check.Exit == 0, check.Stderr);
        Assert.Equal("(1, 4, 4, 3) True", check.Stdout.Trim());
    }

    [Fact]
    public async Task ScriptToNodeNeedsAnInterfaceLayer()
    {
        var node = Directory.CreateDirectory(Path.Combine(PythonTestSupport.NewFolder("s2n"), "empty_node")).FullName;
        var (exit, _, stderr) = await CliRunner.RunAsync("script-to-node", node);
        Assert.Equal(1, exit);
        Assert.Contains(LokiCodes.NodeLayerMissing, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScriptToNodeReadsTheRunSignatureWhenThereIsNoConfig()
    {
        var node = PythonTestSupport.Write(Path.Combine(PythonTestSupport.NewFolder("s2n"), "nodes", "add_numbers"),
            ("add_numbers.py", "from loki_runtime import script\n\n@script.entry(__file__)\ndef run(a: int = 1, b: float = 2.5) -> float:\n    '''Adds two numbers.'''\n    return a + b\n"));
        var (exit, _, stderr) = await CliRunner.RunAsync("script-to-node", node);
        Assert.True(exit == 0, stderr);
        var text = File.ReadAllText(Path.Combine(node, "add_numbers_node.py"));
        Assert.Contains("\"a\": (\"INT\", {\"default\": 1})", text, StringComparison.Ordinal);
        Assert.Contains("\"b\": (\"FLOAT\", {\"default\": 2.5})", text, StringComparison.Ordinal);
        Assert.Contains("RETURN_TYPES = (\"FLOAT\",)", text, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(node, "add_numbers.json")));
        Assert.Contains("\"LokiAddNumbers\"", File.ReadAllText(Path.Combine(node, "__init__.py")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SchemasExtractWritesDeterministicObjectInfo()
    {
        var root = PythonTestSupport.NewFolder("schemas");
        var pack = PythonTestSupport.Write(Path.Combine(root, "my_pack"), ("__init__.py", """
            import folder_paths
            class B:
                @classmethod
                def INPUT_TYPES(s):
                    return {"required": {"model": (folder_paths.get_filename_list("loras"),), "x": ("INT", {"default": 1})}}
                RETURN_TYPES = ("MODEL",)
                FUNCTION = "f"
            class A(B):
                CATEGORY = "a"
            NODE_CLASS_MAPPINGS = {"Zeta": B, "Alpha": A}
            """));
        var first = Path.Combine(root, "one.json");
        var second = Path.Combine(root, "two.json");
        var (exit, stdout, stderr) = await CliRunner.RunAsync("schemas", "extract", pack, "-o", first);
        Assert.True(exit == 0, stderr);
        Assert.Contains("2 nodes, 2 values marked unresolved", stdout, StringComparison.Ordinal);
        Assert.Equal(0, (await CliRunner.RunAsync("schemas", "extract", pack, "-o", second)).Exit);
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        var doc = JsonNode.Parse(File.ReadAllText(first))!.AsObject();
        Assert.Equal(["Alpha", "Zeta"], doc.Select(p => p.Key));
        Assert.Equal(["input", "input_order", "output", "output_is_list", "output_name", "name", "display_name", "description", "python_module", "category", "output_node"],
            doc["Alpha"]!.AsObject().Select(p => p.Key));
        Assert.Equal("folder_paths.get_filename_list('loras')", doc["Zeta"]!["input"]!["required"]!["model"]![0]!["__loki_unresolved__"]!.GetValue<string>());

        var missing = await CliRunner.RunAsync("schemas", "extract", Path.Combine(root, "nope"), "-o", first);
        Assert.Equal(2, missing.Exit);
        Assert.Contains(LokiCodes.FileNotFound, missing.Stderr, StringComparison.Ordinal);
    }
}
