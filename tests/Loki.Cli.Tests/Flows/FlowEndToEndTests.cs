using Loki.Core.Diagnostics;
using Loki.Tests;

namespace Loki.Cli.Tests.Flows;

/// <summary>
/// A flow of four LOKI nodes from the repo's library, converted by the CLI to a script that runs as a subprocess
/// with <c>--backend loki</c> on a real image, and to a node that another flow uses (expanded by the runtime's
/// executor): the pixels match the nodes run one by one, and each other.
/// </summary>
public sealed class FlowEndToEndTests
{
    private const string LevelsBlurFlow = """
        {"1": {"class_type": "LokiInput", "inputs": {"name": "image", "type": "IMAGE", "default": "", "min": "", "max": "", "description": "Picture to process."}},
         "2": {"class_type": "LokiInput", "inputs": {"name": "white", "type": "FLOAT", "default": "0.8", "min": "0.1", "max": "1", "description": "White point."}},
         "3": {"class_type": "LokiImageLevels", "inputs": {"image": ["1", 0], "black_point": 0.2, "white_point": ["2", 0], "gamma": 1.0}},
         "4": {"class_type": "LokiImageBlur", "inputs": {"image": ["3", 0], "radius": 2.0}},
         "5": {"class_type": "LokiImageChannels", "inputs": {"image": ["4", 0], "operation": "grayscale"}},
         "6": {"class_type": "LokiMaskThreshold", "inputs": {"image": ["3", 0], "threshold": 0.5, "channel": "luminance", "invert": false}},
         "7": {"class_type": "LokiOutput", "inputs": {"name": "image", "value": ["5", 0]}},
         "8": {"class_type": "LokiOutput", "inputs": {"name": "mask", "value": ["6", 0]}},
         "9": {"class_type": "LokiImageBlur", "inputs": {"image": ["1", 0], "radius": 9.0}}}
        """;

    private const string ParentFlow = """
        {"1": {"class_type": "LokiInput", "inputs": {"name": "picture", "type": "IMAGE", "default": "", "min": "", "max": "", "description": ""}},
         "2": {"class_type": "LokiLevelsBlur", "inputs": {"image": ["1", 0], "white": 0.7}},
         "3": {"class_type": "LokiOutput", "inputs": {"name": "image", "value": ["2", 0]}},
         "4": {"class_type": "LokiOutput", "inputs": {"name": "mask", "value": ["2", 1]}}}
        """;

    // The same chain computed node by node through each node's own LOKI Script, then quantised as the PNG writer does.
    private const string Expected = """
        import importlib.util, json, sys
        import numpy as np
        from PIL import Image
        repo, ramp, white, out1, out2 = sys.argv[1:6]
        def node(name):
            spec = importlib.util.spec_from_file_location("n_" + name, f"{repo}/nodes/{name}/{name}.py")
            module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module)
            return module.run
        image = (np.asarray(Image.open(ramp).convert("RGB"), dtype=np.float32) / 255.0)[None]
        levels = node("image_levels")(image=image, black_point=0.2, white_point=float(white), gamma=1.0)["image"]
        blurred = node("image_blur")(image=levels, radius=2.0)["image"]
        grey = node("image_channels")(image=blurred, operation="grayscale")["image"]
        mask = node("mask_threshold")(image=levels, threshold=0.5, channel="luminance", invert=False)["mask"]
        def png(a): return np.asarray(Image.open(a)).astype(np.int32)
        def q(a): return np.clip(np.rint(np.asarray(a)[0] * 255.0), 0, 255).astype(np.int32)
        report = {}
        for name, want in (("image", q(grey)), ("mask", q(mask))):
            got = png(f"{out1}/{name}.png")
            if got.ndim == 3 and want.ndim == 2: want = want
            if got.ndim == 3 and got.shape[2] == 4: got = got[..., :3]
            report[name] = {"shape": list(got.shape), "want": list(want.shape),
                            "script_vs_nodes": int(np.abs(got.reshape(want.shape) - want).max()),
                            "node_vs_script": int(np.abs(png(f"{out2}/{name}.png") - got).max()) if out2 != "-" else 0,
                            "mean": float(got.mean())}
        print(json.dumps(report))
        """;

    [Fact]
    public async Task Flow_runs_as_a_script_and_as_a_node_inside_a_flow_with_the_same_pixels()
    {
        using var tmp = new TempDir();
        var lib = Directory.CreateDirectory(Path.Combine(tmp.Path, "lib", "nodes")).Parent!.FullName;
        var flowFile = Path.Combine(lib, "nodes", "levels_blur_workflow.json");
        File.WriteAllText(flowFile, LevelsBlurFlow);
        var parentFile = tmp.Write("parent_workflow.json", ParentFlow);
        var ramp = RepoPaths.InRepo("nodes", "image_blur", "examples", "ramp.png");
        Assert.True(File.Exists(ramp), "the library's example image is missing");

        var script = await CliRun.InProcessAsync("convert", flowFile, "--to", "script", "-o", tmp.File("levels_blur.py"), "--library", RepoPaths.Root);
        Assert.True(script.ExitCode == 0, script.Stderr);
        var node = await CliRun.InProcessAsync("convert", flowFile, "--to", "node", "-o", Path.Combine(lib, "nodes", "levels_blur"), "--library", RepoPaths.Root);
        Assert.True(node.ExitCode == 0, node.Stderr);
        var parent = await CliRun.InProcessAsync("convert", parentFile, "--to", "script", "-o", tmp.File("parent.py"), "--library", RepoPaths.Root, "--library", lib);
        Assert.True(parent.ExitCode == 0, parent.Stderr);
        Assert.Contains("backend: str = \"loki\"", File.ReadAllText(tmp.File("levels_blur.py")));
        Assert.DoesNotContain("radius=9.0", File.ReadAllText(tmp.File("levels_blur.py"))); // the dead branch is left out

        var run1 = FlowProcess.Python(tmp.Path, lib, tmp.File("levels_blur.py"), "--image", ramp, "--white", "0.7", "--output", tmp.File("out1"), "--json", "--backend", "loki");
        Assert.True(run1.Code == 0, run1.Output);
        Assert.Contains("image.png", run1.Output);
        var run2 = FlowProcess.Python(tmp.Path, lib, tmp.File("parent.py"), "--picture", ramp, "--output", tmp.File("out2"), "--json", "--backend", "loki");
        Assert.True(run2.Code == 0, run2.Output);

        var check = FlowProcess.Python(tmp.Path, lib, "-c", Expected, RepoPaths.Root, ramp, "0.7", tmp.File("out1"), tmp.File("out2"));
        Assert.True(check.Code == 0, check.Output);
        var report = System.Text.Json.Nodes.JsonNode.Parse(check.Output.Trim().Split('\n')[^1])!;
        foreach (var name in new[] { "image", "mask" })
        {
            Assert.True(report[name]!["script_vs_nodes"]!.GetValue<int>() <= 1, check.Output); // one 8-bit step of rounding
            Assert.Equal(0, report[name]!["node_vs_script"]!.GetValue<int>());
        }

        // The ramp is not flat: a blank output would pass the comparisons above too.
        Assert.InRange(report["image"]!["mean"]!.GetValue<double>(), 5, 250);
    }

    [Fact]
    public async Task Flow_node_is_a_real_node_class_with_typed_sockets_and_expands()
    {
        using var tmp = new TempDir();
        var lib = Directory.CreateDirectory(Path.Combine(tmp.Path, "lib", "nodes")).Parent!.FullName;
        var flowFile = Path.Combine(lib, "nodes", "levels_blur_workflow.json");
        File.WriteAllText(flowFile, LevelsBlurFlow);
        var dir = Path.Combine(lib, "nodes", "levels_blur");
        var node = await CliRun.InProcessAsync("convert", flowFile, "--to", "node", "-o", dir, "--library", RepoPaths.Root);
        Assert.True(node.ExitCode == 0, node.Stderr);
        Assert.Equal(["__init__.py", "levels_blur.json", "levels_blur.py", "levels_blur_node.py"], Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        const string probe = """
            import json, sys
            from loki_runtime import loader
            from loki_runtime.graph_builder import set_default_prefix
            cls = loader.load_pack(sys.argv[1])["LokiLevelsBlur"]
            types = cls.INPUT_TYPES()
            set_default_prefix("12", 0, 0)
            result = getattr(cls(), cls.FUNCTION)(image=["40", 0], white=0.6)
            print(json.dumps({"inputs": {k: v[0] for k, v in types["required"].items()}, "white": types["required"]["white"][1].get("default"),
                              "returns": list(cls.RETURN_TYPES), "names": list(cls.RETURN_NAMES),
                              "expand": sorted(v["class_type"] for v in result["expand"].values()), "result": result["result"]}))
            """;
        var run = FlowProcess.Python(tmp.Path, lib, "-c", probe, dir);
        Assert.True(run.Code == 0, run.Output);
        var info = System.Text.Json.Nodes.JsonNode.Parse(run.Output.Trim().Split('\n')[^1])!;
        Assert.Equal("IMAGE", info["inputs"]!["image"]!.GetValue<string>());
        Assert.Equal("FLOAT", info["inputs"]!["white"]!.GetValue<string>());
        Assert.Equal(0.8, info["white"]!.GetValue<double>());
        Assert.Equal(["IMAGE", "MASK"], info["returns"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.Equal(["image", "mask"], info["names"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.Contains("LokiImageBlur", info["expand"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.Equal(2, info["result"]!.AsArray().Count);
    }

    [Fact]
    public async Task Inferred_flow_whose_node_ids_start_at_1_runs()
    {
        // g.input numbers its markers 1, 2, …: here node 1 is needed, so the script gives the marker the loader's id.
        const string flow = """
            {"1": {"class_type": "LokiImageBlur", "inputs": {"image": ["2", 0], "radius": 3.0}},
             "2": {"class_type": "LoadImage", "inputs": {"image": "ramp.png"}},
             "3": {"class_type": "SaveImage", "inputs": {"images": ["1", 0], "filename_prefix": "blur"}}}
            """;
        using var tmp = new TempDir();
        var file = tmp.Write("blur_workflow.json", flow);
        var convert = await CliRun.InProcessAsync("convert", file, "--to", "script", "-o", tmp.File("blur.py"), "--library", RepoPaths.Root);
        Assert.True(convert.ExitCode == 0, convert.Stderr);
        var script = File.ReadAllText(tmp.File("blur.py"));
        Assert.Contains("g.node(\"LokiInput\", _id=\"2\"", script);
        Assert.Contains("backend: str = \"loki\"", script);

        var ramp = RepoPaths.InRepo("nodes", "image_blur", "examples", "ramp.png");
        var run = FlowProcess.Python(tmp.Path, tmp.Path, tmp.File("blur.py"), "--image", ramp, "--output", tmp.File("out"), "--json");
        Assert.True(run.Code == 0, run.Output + "\n" + script);
        Assert.True(File.Exists(tmp.File("out/image.png")), run.Output);
    }

    [Fact]
    public async Task One_node_flow_of_a_library_node_converts_back_and_runs_like_the_node()
    {
        using var tmp = new TempDir();
        var flow = tmp.File("blur_workflow.json");
        var build = await CliRun.InProcessAsync("node-to-flow", RepoPaths.InRepo("nodes", "image_blur"), "-o", flow);
        Assert.True(build.ExitCode == 0, build.Stderr);
        var convert = await CliRun.InProcessAsync("convert", flow, "--to", "script", "-o", tmp.File("blur.py"), "--library", RepoPaths.Root);
        Assert.True(convert.ExitCode == 0, convert.Stderr);

        var ramp = RepoPaths.InRepo("nodes", "image_blur", "examples", "ramp.png");
        var run = FlowProcess.Python(tmp.Path, tmp.Path, tmp.File("blur.py"), "--image", ramp, "--radius", "3.5", "--output", tmp.File("out"), "--json");
        Assert.True(run.Code == 0, run.Output);
        const string compare = """
            import importlib.util, sys
            import numpy as np
            from PIL import Image
            spec = importlib.util.spec_from_file_location("blur", sys.argv[1]); m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
            image = (np.asarray(Image.open(sys.argv[2]).convert("RGB"), dtype=np.float32) / 255.0)[None]
            want = np.clip(np.rint(m.run(image=image, radius=3.5)["image"][0] * 255.0), 0, 255).astype(np.int32)
            got = np.asarray(Image.open(sys.argv[3])).astype(np.int32)[..., :3]
            print(int(np.abs(got - want).max()), float(np.abs(want - np.asarray(Image.open(sys.argv[2]).convert("RGB"))).mean()))
            """;
        var check = FlowProcess.Python(tmp.Path, tmp.Path, "-c", compare, RepoPaths.InRepo("nodes", "image_blur", "image_blur.py"), ramp, tmp.File("out/image.png"));
        Assert.True(check.Code == 0, check.Output);
        var numbers = check.Output.Trim().Split('\n')[^1].Split(' ');
        Assert.Equal("0", numbers[0]);
        Assert.True(double.Parse(numbers[1], System.Globalization.CultureInfo.InvariantCulture) > 0, "the blur changed nothing: the comparison would prove nothing");
    }

    [Fact]
    public async Task An_edit_of_the_flow_reaches_the_node_on_the_next_conversion()
    {
        using var tmp = new TempDir();
        var lib = Directory.CreateDirectory(Path.Combine(tmp.Path, "lib", "nodes")).Parent!.FullName;
        var flowFile = Path.Combine(lib, "nodes", "levels_blur_workflow.json");
        var dir = Path.Combine(lib, "nodes", "levels_blur");
        File.WriteAllText(flowFile, LevelsBlurFlow);
        Assert.Equal(0, (await CliRun.InProcessAsync("convert", flowFile, "--to", "node", "-o", dir, "--library", RepoPaths.Root)).ExitCode);

        File.WriteAllText(flowFile, LevelsBlurFlow.Replace("\"radius\": 2.0", "\"radius\": 5.5", StringComparison.Ordinal));
        var again = await CliRun.InProcessAsync("convert", flowFile, "--to", "node", "-o", dir, "--library", RepoPaths.Root);
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.DoesNotContain(LokiCodes.FlowFileNotOverwritten, again.Codes);

        const string probe = """
            import json, sys
            from loki_runtime import loader
            from loki_runtime.graph_builder import set_default_prefix
            cls = loader.load_pack(sys.argv[1])["LokiLevelsBlur"]
            set_default_prefix("7", 0, 0)
            expand = getattr(cls(), cls.FUNCTION)(image=["40", 0], white=0.6)["expand"]
            print(json.dumps([v["inputs"].get("radius") for v in expand.values() if v["class_type"] == "LokiImageBlur"]))
            """;
        var run = FlowProcess.Python(tmp.Path, lib, "-c", probe, dir);
        Assert.True(run.Code == 0, run.Output);
        Assert.Equal("[5.5]", run.Output.Trim().Split('\n')[^1]);
    }

    [Fact]
    public async Task A_hand_written_script_is_never_overwritten()
    {
        using var tmp = new TempDir();
        var flowFile = tmp.Write("blur_workflow.json", LevelsBlurFlow);
        var mine = tmp.Write("blur.py", "print('mine')\n");
        var result = await CliRun.InProcessAsync("convert", flowFile, "--to", "script", "-o", mine, "--library", RepoPaths.Root);
        Assert.Contains(LokiCodes.FlowFileNotOverwritten, result.Codes);
        Assert.Equal("print('mine')\n", File.ReadAllText(mine));
    }
}
