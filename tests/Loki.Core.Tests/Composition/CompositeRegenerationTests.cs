using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Library;
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
        var mine = File.ReadAllText(Loki.Tests.RepoPaths.InRepo("nodes", "contact_sheet", "contact_sheet_workflow.json"));
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

    [Fact]
    public void TheIncrementalBuildRegrowsACompositeWhenANodeItCallsChanges()
    {
        var (library, path) = CompositeEquivalenceTests.Finish();
        var nodes = Directory.GetDirectories(Path.Combine(library.Root, "nodes")).Order(StringComparer.Ordinal).ToList();
        var state = Path.Combine(library.Root, "obj", "loki");
        var flowPath = Path.Combine(Path.GetDirectoryName(path)!, "finish_workflow.json");
        NodeBuildResult Build() => Assert.Single(LibraryBuild.Run(nodes, state, LibraryBuildMode.Regenerate, NodeRegenerator.CreateDefault(), glamours: false), r => r.Node == "finish");

        var first = Build();
        Assert.Contains(first.Growth!.Diagnostics, d => d.Code == LokiCodes.ComposeCompiled);
        var flow = File.ReadAllText(flowPath);
        Assert.True(Build().Skipped);

        // A node the composite does not call changes: nothing to redo.
        var blur = Path.Combine(library.Root, "nodes", "image_blur", "image_blur.json");
        File.WriteAllText(blur, File.ReadAllText(blur).Replace("\"version\": \"1.0.0\"", "\"version\": \"1.0.1\"", StringComparison.Ordinal));
        Assert.True(Build().Skipped);

        // A called node's new version: the composite is grown and proven again (the same flow: nothing in it changed).
        var sharpen = Path.Combine(library.Root, "nodes", "image_sharpen", "image_sharpen.json");
        File.WriteAllText(sharpen, File.ReadAllText(sharpen).Replace("\"version\": \"1.0.0\"", "\"version\": \"1.1.0\"", StringComparison.Ordinal));
        var versioned = Build();
        Assert.False(versioned.Skipped);
        Assert.Contains(versioned.Growth!.Diagnostics, d => d.Code == LokiCodes.ComposeCompiled);
        Assert.Equal(flow, File.ReadAllText(flowPath));
        Assert.True(Build().Skipped);

        // A called node's interface changes under the composite (an input it sets is renamed): the flow is regrown at
        // once and refused, so the node falls back to its one-node flow instead of keeping a flow that cannot run.
        File.WriteAllText(sharpen, File.ReadAllText(sharpen).Replace("\"threshold\"", "\"limit\"", StringComparison.Ordinal));
        var renamed = Build();
        Assert.False(renamed.Skipped);
        Assert.Contains(renamed.Growth!.Diagnostics, d => d.Code == LokiCodes.ComposeUnknownInput);
        var fallback = File.ReadAllText(flowPath);
        Assert.Contains("\"LokiFinish\"", fallback, StringComparison.Ordinal);
        Assert.DoesNotContain("\"LokiImageSharpen\"", fallback, StringComparison.Ordinal);
    }
}
