using System.Text.Json.Nodes;
using Loki.Core.Packaging;
using Loki.Core.Packaging.Flows;

namespace Loki.Core.Tests.Packaging;

public class FlowAssetTests
{
    private static JsonObject Entry(PackResult r, string path) =>
        JsonNode.Parse(Assert.Single(r.Entries, e => e.Path == path).Content)!.AsObject();

    [Fact]
    public void The_blueprint_is_one_subgraph_instance_whose_io_comes_from_the_markers()
    {
        using var s = new SamplePack();
        var bp = Entry(PackBuilder.Build(s.Options()), "subgraphs/value_doubler.json");

        var root = Assert.Single(bp["nodes"]!.AsArray())!.AsObject();
        var def = Assert.Single(bp["definitions"]!["subgraphs"]!.AsArray())!.AsObject();
        Assert.Equal(def["id"]!.GetValue<string>(), root["type"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", def["id"]!.GetValue<string>());
        Assert.Equal(0.4, bp["version"]!.GetValue<double>());
        Assert.Equal(1, def["version"]!.GetValue<int>());

        var input = Assert.Single(def["inputs"]!.AsArray())!;
        Assert.Equal(("amount", "INT"), (input["name"]!.GetValue<string>(), input["type"]!.GetValue<string>()));
        var output = Assert.Single(def["outputs"]!.AsArray())!;
        Assert.Equal(("doubled", "INT"), (output["name"]!.GetValue<string>(), output["type"]!.GetValue<string>()));
        Assert.Equal(["amount"], root["inputs"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()));
        Assert.Equal(["doubled"], root["outputs"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()));

        var inner = Assert.Single(def["nodes"]!.AsArray())!;
        Assert.Equal("LokiValueDoubler", inner["type"]!.GetValue<string>());
        var links = def["links"]!.AsArray().Select(l => l!.AsObject()).ToList();
        Assert.Contains(links, l => l["origin_id"]!.GetValue<int>() == -10 && l["target_id"]!.GetValue<int>() == 2);
        Assert.Contains(links, l => l["origin_id"]!.GetValue<int>() == 2 && l["target_id"]!.GetValue<int>() == -20);
        Assert.Equal(-10, def["inputNode"]!["id"]!.GetValue<int>());
        Assert.Equal(-20, def["outputNode"]!["id"]!.GetValue<int>());
    }

    [Fact]
    public void A_marker_fed_by_a_loader_and_read_by_a_preview_leaves_no_dangling_link()
    {
        var flow = JsonNode.Parse("""
            {"nodes": [
              {"id": 1, "type": "LoadImage", "pos": [0, 0], "outputs": [{"name": "IMAGE", "type": "IMAGE", "links": [1]}], "widgets_values": ["a.png", "image"]},
              {"id": 2, "type": "LokiInput", "pos": [200, 0], "inputs": [{"name": "value", "type": "*", "link": 1}], "outputs": [{"name": "value", "type": "*", "links": [2]}], "widgets_values": ["image", "IMAGE", "", "", "", ""]},
              {"id": 3, "type": "LokiImageLevels", "pos": [400, 0], "inputs": [{"name": "image", "type": "IMAGE", "link": 2}], "outputs": [{"name": "image", "type": "IMAGE", "links": [3]}]},
              {"id": 4, "type": "LokiOutput", "pos": [600, 0], "inputs": [{"name": "value", "type": "*", "link": 3}], "outputs": [{"name": "value", "type": "*", "links": [4]}], "widgets_values": ["image"]},
              {"id": 5, "type": "PreviewImage", "pos": [800, 0], "inputs": [{"name": "images", "type": "IMAGE", "link": 4}]}],
             "links": [[1, 1, 0, 2, 0, "IMAGE"], [2, 2, 0, 3, 0, "IMAGE"], [3, 3, 0, 4, 0, "IMAGE"], [4, 4, 0, 5, 0, "IMAGE"]],
             "version": 0.4}
            """)!.AsObject();

        var def = SubgraphBlueprintBuilder.Build(flow, "Levels", "levels", [])!["definitions"]!["subgraphs"]![0]!;

        var ids = def["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<int>()).Append(-10).Append(-20).ToHashSet();
        var links = def["links"]!.AsArray().Select(l => l!.AsObject()).ToList();
        Assert.All(links, l => Assert.Contains(l["origin_id"]!.GetValue<int>(), ids));
        Assert.All(links, l => Assert.Contains(l["target_id"]!.GetValue<int>(), ids));
        Assert.DoesNotContain(links, l => l["id"]!.GetValue<int>() == 1);
        var preview = links.Single(l => l["target_id"]!.GetValue<int>() == 5);
        Assert.Equal(3, preview["origin_id"]!.GetValue<int>());
        var levels = def["nodes"]!.AsArray().Single(n => n!["id"]!.GetValue<int>() == 3)!;
        Assert.Equal([3, 4], levels["outputs"]![0]!["links"]!.AsArray().Select(x => x!.GetValue<int>()).Order());
        Assert.Equal([3, 5], def["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<int>()).Order()); // no loader
        Assert.Equal(("image", "IMAGE"), (def["inputs"]![0]!["name"]!.GetValue<string>(), def["inputs"]![0]!["type"]!.GetValue<string>()));
    }

    [Fact]
    public void What_only_feeds_an_input_marker_is_left_out_and_a_shared_source_stays()
    {
        // 1 LoadImage -> 2 ImageScale -> 3 marker "image"; 4 LoadImage -> 5 marker "mask" and -> 6 Levels (shared);
        // 7 SaveImage reads the levels (no outgoing links: stays).
        var flow = JsonNode.Parse("""
            {"nodes": [
              {"id": 1, "type": "LoadImage", "outputs": [{"name": "IMAGE", "type": "IMAGE", "links": [1]}, {"name": "MASK", "type": "MASK", "links": []}]},
              {"id": 2, "type": "ImageScale", "inputs": [{"name": "image", "type": "IMAGE", "link": 1}], "outputs": [{"name": "IMAGE", "type": "IMAGE", "links": [2]}]},
              {"id": 3, "type": "LokiInput", "inputs": [{"name": "value", "type": "*", "link": 2}], "outputs": [{"name": "value", "type": "*", "links": [3]}], "widgets_values": ["image", "IMAGE", "", "", "", ""]},
              {"id": 4, "type": "LoadImage", "outputs": [{"name": "IMAGE", "type": "IMAGE", "links": [4, 5]}]},
              {"id": 5, "type": "LokiInput", "inputs": [{"name": "value", "type": "*", "link": 4}], "outputs": [{"name": "value", "type": "*", "links": [6]}], "widgets_values": ["other", "IMAGE", "", "", "", ""]},
              {"id": 6, "type": "ImageBlend", "inputs": [{"name": "image1", "type": "IMAGE", "link": 3}, {"name": "image2", "type": "IMAGE", "link": 6}, {"name": "image3", "type": "IMAGE", "link": 5}], "outputs": [{"name": "IMAGE", "type": "IMAGE", "links": [7]}]},
              {"id": 7, "type": "SaveImage", "inputs": [{"name": "images", "type": "IMAGE", "link": 7}]}],
             "links": [[1, 1, 0, 2, 0, "IMAGE"], [2, 2, 0, 3, 0, "IMAGE"], [3, 3, 0, 6, 0, "IMAGE"], [4, 4, 0, 5, 0, "IMAGE"],
                       [5, 4, 0, 6, 2, "IMAGE"], [6, 5, 0, 6, 1, "IMAGE"], [7, 6, 0, 7, 0, "IMAGE"]],
             "version": 0.4}
            """)!.AsObject();

        var def = SubgraphBlueprintBuilder.Build(flow, "Blend", "blend", [])!["definitions"]!["subgraphs"]![0]!;

        Assert.Equal([4, 6, 7], def["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<int>()).Order());
        var links = def["links"]!.AsArray().Select(l => l!.AsObject()).ToList();
        Assert.Equal([3, 5, 6, 7], links.Select(l => l["id"]!.GetValue<int>()).Order());
        var shared = def["nodes"]!.AsArray().Single(n => n!["id"]!.GetValue<int>() == 4)!;
        Assert.Equal([5], shared["outputs"]![0]!["links"]!.AsArray().Select(x => x!.GetValue<int>()));
        Assert.Equal(["image", "other"], def["inputs"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()));
    }

    [Fact]
    public void The_example_workflow_keeps_the_flow_and_records_its_source()
    {
        using var s = new SamplePack();
        var ex = Entry(PackBuilder.Build(s.Options()), "example_workflows/value_doubler.json");

        Assert.Equal(3, ex["nodes"]!.AsArray().Count);
        var loki = ex["extra"]!["loki"]!;
        Assert.True(loki["generated"]!.GetValue<bool>());
        Assert.Equal("nodes/value_doubler/value_doubler_workflow.json", loki["source"]!.GetValue<string>());
        Assert.Equal(64, loki["source_sha256"]!.GetValue<string>().Length);
        Assert.Equal(1, ex["extra"]!["ds"]!["scale"]!.GetValue<int>());
    }

    [Fact]
    public void The_thumbnail_is_a_png_that_draws_the_nodes_and_wires()
    {
        var sketch = FlowSketch.From(JsonNode.Parse(SamplePack.Flow))!;
        var png = FlowThumbnail.Render(sketch);
        var empty = FlowThumbnail.Render(new FlowSketch([], []));

        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png[..4]);
        Assert.Equal(png, FlowThumbnail.Render(sketch));
        Assert.NotEqual(empty, png);
        Assert.Equal(3, sketch.Nodes.Length);
        Assert.Equal(2, sketch.Links.Length);

        // Decode with Pillow: right size, and the node's own colour is on the canvas.
        var file = Path.GetTempFileName();
        File.WriteAllBytes(file, png);
        var run = Loki.Core.Requirements.PythonProcess.Run(Loki.Core.Requirements.PythonProcess.DefaultInterpreter, ["-c",
            "import sys; from PIL import Image; im = Image.open(sys.argv[1]).convert('RGB'); print(im.size, (0x33, 0x55, 0x33) in set(im.getdata()), (0x29, 0x69, 0x9C) in set(im.getdata()))", file]);
        Assert.Equal("(512, 288) True True", run.Stdout.Trim());
    }

    [Fact]
    public void The_jpeg_thumbnail_decodes_to_the_same_picture()
    {
        var sketch = FlowSketch.From(JsonNode.Parse(SamplePack.Flow))!;
        var png = FlowThumbnail.Render(sketch);
        var jpeg = FlowThumbnail.RenderJpeg(sketch);
        Assert.Equal(jpeg, FlowThumbnail.RenderJpeg(sketch));
        var dir = Directory.CreateTempSubdirectory("loki-jpeg-").FullName;
        File.WriteAllBytes(Path.Combine(dir, "t.jpg"), jpeg);
        File.WriteAllBytes(Path.Combine(dir, "t.png"), png);

        // Pillow decodes both; the mean error of the JPEG against the PNG's pixels is small (a wrong encoder gives noise).
        var run = Loki.Core.Requirements.PythonProcess.Run(Loki.Core.Requirements.PythonProcess.DefaultInterpreter, ["-c", """
            import sys, numpy as np
            from PIL import Image
            im = Image.open(sys.argv[1] + "/t.jpg")
            got = np.asarray(im.convert("RGB"), dtype=np.float64)
            want = np.asarray(Image.open(sys.argv[1] + "/t.png").convert("RGB"), dtype=np.float64)
            print(im.format, im.size, round(float(np.abs(got - want).mean()), 2))
            """, dir]);
        var parts = run.Stdout.Trim().Split(' ', 4);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("JPEG", parts[0]);
        Assert.Equal("(512, 288)", parts[1] + " " + parts[2]);
        Assert.InRange(double.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture), 0, 3.0);
    }

    [Fact]
    public void An_api_prompt_is_laid_out_in_columns_by_dependency()
    {
        var api = JsonNode.Parse("""{"1": {"class_type": "A", "inputs": {}}, "2": {"class_type": "B", "inputs": {"x": ["1", 0]}}, "3": {"class_type": "C", "inputs": {"y": ["2", 0], "z": ["1", 0]}}}""");
        var sketch = FlowSketch.From(api)!;
        Assert.Equal([0.0, 320.0, 640.0], sketch.Nodes.Select(n => n.X));
        Assert.Equal(3, sketch.Links.Length);
    }
}
