using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Media;
using Loki.Core.Tests.Support;
using Loki.Core.Text;

namespace Loki.Core.Tests.Media;

public sealed class PngMetadataWriterTests
{
    // Values that stress json.dumps: key order, non-ASCII (BMP and astral), control characters, quotes, floats.
    private const string PromptJson = """
        {"3": {"inputs": {"seed": 156680208700286, "cfg": 8.0, "denoise": 1, "text": "Größe \"q\" \\ \n\t\u0001 😀 ~\u007f", "model": ["4", 0]}, "class_type": "KSampler", "_meta": {"title": "K"}}, "10": {"inputs": {}, "class_type": "X"}}
        """;

    private const string WorkflowJson = """
        {"last_node_id": 2, "nodes": [{"id": 1, "pos": [0.5, -1e-05], "widgets_values": [null, true, false, []]}], "extra": {}, "version": 0.4}
        """;

    [Fact]
    public void Embed_ThenRead_GivesTheJsonBack()
    {
        var png = PngMetadataWriter.Embed(new PngBuilder().Text("prompt", "stale").Build(), JsonNode.Parse(PromptJson), JsonNode.Parse(WorkflowJson));

        var meta = MediaMetadataReader.Read(png, "t.png");

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(PromptJson), JsonNode.Parse(meta.Prompt!)));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(WorkflowJson), JsonNode.Parse(meta.Workflow!)));
    }

    [Fact]
    public void Embed_WritesPromptThenWorkflowAsTextChunksBeforeTheImageData()
    {
        var png = PngMetadataWriter.Embed(new PngBuilder().Build(), JsonNode.Parse("{}"), JsonNode.Parse("[]"));

        var ascii = System.Text.Encoding.Latin1.GetString(png);
        var prompt = ascii.IndexOf("tEXtprompt\0{}", StringComparison.Ordinal);
        var workflow = ascii.IndexOf("tEXtworkflow\0[]", StringComparison.Ordinal);
        Assert.True(prompt > 0 && workflow > prompt && ascii.IndexOf("IDAT", StringComparison.Ordinal) > workflow);
    }

    [Fact]
    public void Embed_NotAPng_ReportsNotWritable()
    {
        var ex = Assert.Throws<LokiException>(() => PngMetadataWriter.Embed("GIF89a........"u8, null, null));

        Assert.Equal(LokiCodes.MediaNotWritable, ex.Diagnostic.Code);
    }

    [PillowFact]
    public void Embed_GivesTheBytesComfyUiSaveImageWrites()
    {
        // SaveImage: PngInfo.add_text("prompt", json.dumps(prompt)), then one chunk per extra_pnginfo key, compress_level=4.
        var dir = Directory.CreateTempSubdirectory("loki-png-").FullName;
        File.WriteAllText(Path.Combine(dir, "prompt.json"), PromptJson);
        File.WriteAllText(Path.Combine(dir, "workflow.json"), WorkflowJson);
        PillowFactAttribute.RunPython("""
            import json
            from PIL import Image
            from PIL.PngImagePlugin import PngInfo
            img = Image.new("RGB", (7, 5), (10, 200, 30))
            img.save("plain.png", compress_level=4)
            meta = PngInfo()
            meta.add_text("prompt", json.dumps(json.load(open("prompt.json", encoding="utf-8"))))
            for key, value in {"workflow": json.load(open("workflow.json", encoding="utf-8"))}.items():
                meta.add_text(key, json.dumps(value))
            img.save("comfy.png", pnginfo=meta, compress_level=4)
            """, dir);

        var ours = PngMetadataWriter.Embed(File.ReadAllBytes(Path.Combine(dir, "plain.png")), JsonNode.Parse(PromptJson), JsonNode.Parse(WorkflowJson));

        Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "comfy.png")), ours);
        Directory.Delete(dir, recursive: true);
    }

    [PillowFact]
    public void Embed_PillowReadsTheMetadataBack()
    {
        var dir = Directory.CreateTempSubdirectory("loki-png-").FullName;
        PngMetadataWriter.EmbedFile(WritePlain(dir), Path.Combine(dir, "ours.png"), JsonNode.Parse(PromptJson), JsonNode.Parse(WorkflowJson));

        var output = PillowFactAttribute.RunPython("""
            import json
            from PIL import Image
            im = Image.open("ours.png"); im.load()
            print(json.dumps({"prompt": json.loads(im.text["prompt"]), "workflow": json.loads(im.text["workflow"]), "size": list(im.size)}))
            """, dir);

        var read = JsonNode.Parse(output)!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(PromptJson), read["prompt"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(WorkflowJson), read["workflow"]));
        Assert.Equal("[1,1]", read["size"]!.ToJsonString());
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void PythonJsonDumps_MatchesPythonsDefaults()
    {
        var text = PythonJson.Dumps(JsonNode.Parse("""{"a": [1, 2.5, {"b": null}], "é": "x\u00e9\ud83d\ude00\"\u0000"}"""));

        Assert.Equal("""{"a": [1, 2.5, {"b": null}], "\u00e9": "x\u00e9\ud83d\ude00\"\u0000"}""", text);
    }

    private static string WritePlain(string dir)
    {
        var path = Path.Combine(dir, "plain.png");
        File.WriteAllBytes(path, new PngBuilder().Build());
        return path;
    }
}
