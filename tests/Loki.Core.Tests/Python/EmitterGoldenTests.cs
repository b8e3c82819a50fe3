using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Loki.Core.Config;
using Loki.Core.Naming;
using Loki.Core.Python.Emit;
using Loki.Core.Regeneration;
using Loki.Core.Regeneration.Generators;
using Loki.Tests;

namespace Loki.Core.Tests.Python;

/// <summary>Golden files for the generated Python (LOKI_ACCEPT=1 rewrites them).</summary>
public sealed class EmitterGoldenTests
{
    internal static NodeConfig Levels() => new()
    {
        NodeName = "image_levels",
        Description = "Remaps black point, white point and gamma of an image.",
        Category = "image/adjust",
        Inputs =
        [
            new PortSpec("image", PortTypes.Image, "Image batch to adjust."),
            new PortSpec("black_point", PortTypes.Float, Default: JsonValue.Create(0.0), Min: 0, Max: 1, Step: 0.01),
            new PortSpec("steps", PortTypes.Int, Default: JsonValue.Create(4), Min: 1, Max: 64, Step: 1, Extra: new JsonObject { ["display"] = "slider" }),
            new PortSpec("mode", PortTypes.Combo, Default: JsonValue.Create("rgb"), Options: ["rgb", "luminance"]),
            new PortSpec("ckpt_name", PortTypes.Combo, Extra: new JsonObject { ["options_unresolved"] = "folder_paths.get_filename_list('checkpoints')" }),
            new PortSpec("caption", PortTypes.String, "Text \"shown\"\nbelow.", Required: false, Default: JsonValue.Create(""), Multiline: true),
        ],
        Outputs = [new PortSpec("image", PortTypes.Image), new PortSpec("mask", PortTypes.Mask)],
    };

    [Fact]
    public void FunctionScript() => Golden.AssertMatches(
        ScriptEmitter.Emit(Levels(), new FunctionCallBody("src/levels_repo", "levels.core", "apply_levels",
            [new CallArgument("image", true), new CallArgument("black_point", false), new CallArgument("steps", false),
             new CallArgument("mode", false), new CallArgument("ckpt_name", false), new CallArgument("caption", false)])),
        "Loki.Core.Tests", "python/function_script.py");

    [Fact]
    public void ComfyScript() => Golden.AssertMatches(
        ScriptEmitter.Emit(Levels(), new ComfyNodeBody("ImageLevels", "comfyui")), "Loki.Core.Tests", "python/comfy_script.py");

    [Fact]
    public void LokiNodeScript() => Golden.AssertMatches(
        ScriptEmitter.Emit(Levels(), new LokiNodeBody("LokiImageLevels")), "Loki.Core.Tests", "python/loki_node_script.py");

    [Fact]
    public void Node() => Golden.AssertMatches(NodeEmitter.EmitNode(Levels()), "Loki.Core.Tests", "python/image_levels_node.py");

    [Fact]
    public void Init()
    {
        var names = NameLayerReader.Parse("## Official Name\n\nImage Levels\n\n## TOKEN\n\n`🎚️Levels`\n", "image_levels_name.md", new());
        Golden.AssertMatches(NodeEmitter.EmitInit(Levels(), names), "Loki.Core.Tests", "python/__init__.py");
        Assert.Equal("🎚️ Image Levels (LOKI)", NodeEmitter.DisplayName(Levels(), names));
        Assert.Equal("Image Levels (LOKI)", NodeEmitter.DisplayName(Levels(), null));
    }

    [Fact]
    public void NodeFromScriptGeneratorUsesTheConfig()
    {
        var folder = PythonTestSupport.NewFolder("gen");
        var dir = Path.Combine(folder, "image_levels");
        PythonTestSupport.Write(dir, ("image_levels.py", "def run(image): pass\n"));
        var nodeFolder = Loki.Core.Nodes.NodeFolderReader.Read(dir, new())!;
        var context = new LayerGenerationContext(nodeFolder, Path.Combine(dir, "image_levels.py"), "def run(image): pass\n", Levels(), null, new());
        Assert.Equal(NodeEmitter.EmitNode(Levels()), new NodeFromScriptGenerator().Generate(context));
    }
}
