using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Regeneration;

namespace Loki.Core.Tests.Composition;

/// <summary>The build grows a composite script's flow as its generated <c>&lt;n&gt;_workflow.json</c>, and only then.</summary>
public sealed class CompositeRegenerationTests
{
    [Fact]
    public void TheBuildGrowsTheCompositeFlow()
    {
        var (library, path) = CompositeEquivalenceTests.Finish();
        var dir = Path.GetDirectoryName(path)!;
        var growth = NodeRegenerator.CreateDefault().Regenerate(dir);
        Assert.False(growth.HasErrors, growth.Summary());
        Assert.Contains(growth.Diagnostics, d => d.Code == LokiCodes.ComposeCompiled);

        var flowPath = Path.Combine(dir, "finish_workflow.json");
        var text = File.ReadAllText(flowPath);
        var mark = GeneratedHeader.ReadJson(text, underExtra: true, out _, out _);
        Assert.Equal("finish.py", mark?.Source);
        var types = JsonNode.Parse(text)!["nodes"]!.AsArray().Select(n => n!["type"]!.GetValue<string>()).ToList();
        Assert.Equal(["LoadImage", "LokiInput", "LokiInput", "LokiInput", "LokiImageLevels", "LokiImageSharpen", "LokiTextOverlay", "LokiOutput", "SaveImage"], types);

        var again = NodeRegenerator.CreateDefault().Regenerate(dir);
        Assert.Empty(again.In(LayerState.Written));
        Assert.Equal(text, File.ReadAllText(flowPath));
        _ = library;
    }

    [Fact]
    public void ARefusedCompositeKeepsItsOneNodeFlow()
    {
        var library = CompositeLibrary.Create();
        var path = library.Node("halved", CompositeLibrary.Script("image", "    a = image_levels(image=image)[\"image\"]\n    return {\"image\": a * 0.5}"), CompositeLibrary.Config("halved"));
        var growth = NodeRegenerator.CreateDefault().Regenerate(Path.GetDirectoryName(path)!);
        Assert.False(growth.HasErrors, growth.Summary());
        var refusal = Assert.Single(growth.Diagnostics, d => d.Code == LokiCodes.ComposeNotACall);
        Assert.Equal(DiagnosticSeverity.Warning, refusal.Severity);
        Assert.Equal(12, refusal.Line);

        var flow = JsonNode.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(path)!, "halved_workflow.json")))!;
        var types = flow["nodes"]!.AsArray().Select(n => n!["type"]!.GetValue<string>()).ToList();
        Assert.Contains("LokiHalved", types);
        Assert.DoesNotContain("LokiImageLevels", types);
    }

    [Fact]
    public void AHandWrittenFlowIsNeverOverwritten()
    {
        var (_, path) = CompositeEquivalenceTests.Finish();
        var dir = Path.GetDirectoryName(path)!;
        var mine = File.ReadAllText(Loki.Tests.RepoPaths.InRepo("nodes", "photo_finish", "photo_finish_workflow.json"));
        var flowPath = Path.Combine(dir, "finish_workflow.json");
        File.WriteAllText(flowPath, mine);
        NodeRegenerator.CreateDefault().Regenerate(dir);
        Assert.Equal(mine, File.ReadAllText(flowPath));
    }

    [Fact]
    public void AScriptTurnedCompositeReplacesItsGeneratedOneNodeFlow()
    {
        var library = CompositeLibrary.Create();
        var dir = Path.GetDirectoryName(library.Node("soft", "from loki_runtime import script\n\n@script.entry(__file__)\ndef run(image):\n    return {\"image\": image}\n", CompositeLibrary.Config("soft")))!;
        NodeRegenerator.CreateDefault().Regenerate(dir);
        var flowPath = Path.Combine(dir, "soft_workflow.json");
        Assert.Equal("soft_node.py", GeneratedHeader.ReadJson(File.ReadAllText(flowPath), true, out _, out _)?.Source);

        File.WriteAllText(Path.Combine(dir, "soft.py"), CompositeLibrary.Script("image", "    return {\"image\": image_blur(image=image, radius=2.0)[\"image\"]}"));
        var growth = NodeRegenerator.CreateDefault().Regenerate(dir);
        Assert.False(growth.HasErrors, growth.Summary());
        var text = File.ReadAllText(flowPath);
        Assert.Equal("soft.py", GeneratedHeader.ReadJson(text, true, out _, out _)?.Source);
        Assert.Contains("\"LokiImageBlur\"", text, StringComparison.Ordinal);
    }
}
