using Loki.Core.Diagnostics;
using Loki.Core.Flows;
using Loki.Tests;
using Microsoft.Build.Utilities;

namespace Loki.Build.Tasks.Tests.Flows;

/// <summary>
/// The library build converts each flow once (issue 10): the real <see cref="RegenerateLokiNodes"/> task, in
/// process, on a library of the repository's authored flows, the LOKI nodes they use and a real corpus workflow,
/// counted where every conversion starts (<see cref="FlowLoader.Load"/>) and where the flow node is emitted; and a
/// changed flow, or a changed LOKI node it uses, is converted again.
/// </summary>
public sealed class FlowOncePerBuildTests : IDisposable
{
    // Authored flows of the library (LokiInput/LokiOutput markers over LOKI nodes; a core-node flow with an inferred
    // signature) and the LOKI nodes they use, whose configs are what the flows are read against.
    private static readonly string[] Flows = ["contact_sheet", "soft_glow"];
    private static readonly string[] Used = ["image_grid", "image_resize", "text_overlay", "image_levels"];

    // A real workflow made by the frontend 1.27.10 (0.3.64 era), as a flow node whose signature is inferred.
    private const string CorpusFlow = "comfyanonymous__ComfyUI_examples/_history/img2img/img2img.png.workflow.json";

    private readonly TempTree _tree = new("loki-flow-once-");
    private readonly MockBuildEngine _engine = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void LibraryBuild_ConvertsEachFlowOnce_ForConfigScriptNodeAndInterfaceCheck()
    {
        var flows = WriteLibrary();

        using var tally = FlowConversionTally.Begin();
        var task = Build();

        Assert.Equal(flows.Length, task.RebuiltNodes.Count(n => flows.Contains(n.ItemSpec)));
        foreach (var node in flows)
        {
            // Each flow node grew its config, flow script and flow node from its one conversion.
            Assert.All(new[] { ".json", ".py", "_node.py" }, s => Assert.True(File.Exists(_tree.File(node, node + s)), node + s));
        }

        Assert.Equal(flows.Select(WorkflowOf).Order(StringComparer.Ordinal), tally.Loads.Keys);
        Assert.All(tally.Loads, l => Assert.Equal(1, l.Value));
        Assert.All(tally.Emits, e => Assert.Equal(1, e.Value));
        Assert.Equal(tally.Loads.Keys, tally.Emits.Keys);

        // The build log says so too, one coded message per flow.
        var logged = _engine.Messages.Where(m => m.Code == LokiCodes.FlowConversions && m.File.EndsWith("_workflow.json", StringComparison.Ordinal)).Select(m => m.File);
        Assert.Equal(tally.Loads.Keys, logged.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void LibraryBuild_ChangedFlow_IsConvertedAgain_AndUnchangedFlowsAreNot()
    {
        WriteLibrary();
        Build();
        var workflow = WorkflowOf("img2img");
        File.WriteAllText(workflow, File.ReadAllText(workflow).Replace("victorian woman with wings", "lighthouse at dusk", StringComparison.Ordinal));

        using var tally = FlowConversionTally.Begin();
        var task = Build();

        Assert.Equal(["img2img"], task.RebuiltNodes.Select(n => n.ItemSpec));
        Assert.Equal([workflow], tally.Loads.Keys);
        Assert.Equal(1, tally.Loads[workflow]);
        Assert.Equal(1, tally.Emits[workflow]);
        foreach (var layer in new[] { "img2img.json", "img2img.py" })
        {
            var text = File.ReadAllText(_tree.File("img2img", layer));
            Assert.Contains("lighthouse at dusk", text, StringComparison.Ordinal);
            Assert.DoesNotContain("victorian", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void LibraryBuild_ChangedConfigOfAUsedNode_ConvertsTheFlowsUsingItAgain()
    {
        WriteLibrary();
        Build();
        var grid = _tree.File("image_grid", "image_grid.json");
        File.WriteAllText(grid, File.ReadAllText(grid).Replace("\"version\": \"", "\"version\": \"9", StringComparison.Ordinal));

        using var tally = FlowConversionTally.Begin();
        var task = Build();

        // contact_sheet uses image_grid; soft_glow and img2img do not.
        Assert.Equal(["contact_sheet", "image_grid"], task.RebuiltNodes.Select(n => n.ItemSpec).Order(StringComparer.Ordinal));
        Assert.Equal([WorkflowOf("contact_sheet")], tally.Loads.Keys);
        Assert.Equal(1, tally.Loads.Single().Value);
    }

    [Fact]
    public void LibraryBuild_FlowUsingAFlowNode_IsConvertedOnceAfterTheConfigItUsesIsGrown()
    {
        // soft_glow's config is grown from its flow in this build; again_glow's flow uses soft_glow as a node.
        WriteLibrary();
        File.Delete(_tree.File("soft_glow", "soft_glow.json"));
        _tree.Write("again_glow", "again_glow_workflow.json", """
            {
              "1": {"class_type": "LokiInput", "inputs": {"name": "image", "type": "IMAGE", "default": "", "min": "", "max": "", "description": "The image."}},
              "2": {"class_type": "LokiSoftGlow", "inputs": {"image": ["1", 0]}},
              "3": {"class_type": "LokiOutput", "inputs": {"name": "image", "value": ["2", 0]}}
            }
            """);

        using var tally = FlowConversionTally.Begin();
        Build();

        Assert.Contains("LokiSoftGlow", File.ReadAllText(_tree.File("again_glow", "again_glow.py")), StringComparison.Ordinal);
        Assert.DoesNotContain(_engine.Warnings, w => w.File.Contains("again_glow", StringComparison.Ordinal));
        Assert.Equal(1, tally.Loads[WorkflowOf("again_glow")]);
        Assert.All(tally.Loads, l => Assert.Equal(1, l.Value));
    }

    private string[] WriteLibrary()
    {
        foreach (var node in Flows)
        {
            // Only what a person wrote: the flow, its config (checked against the flow's signature), the requirements
            // and the name layer; script and node are grown.
            foreach (var file in new[] { "_workflow.json", ".json", ".md", "_name.md" })
            {
                _tree.Write(node, node + file, File.ReadAllText(RepoPaths.InRepo("nodes", node, node + file)));
            }
        }

        foreach (var node in Used)
        {
            _tree.Write(node, node + ".json", File.ReadAllText(RepoPaths.InRepo("nodes", node, node + ".json")));
        }

        var corpus = RepoPaths.Corpus ?? throw new InvalidOperationException("the shared corpus (../shared/corpus) is missing");
        _tree.Write("img2img", "img2img_workflow.json", File.ReadAllText(Path.Combine(corpus, "frontend-pairs", CorpusFlow)));
        return [.. Flows, "img2img"];
    }

    private string WorkflowOf(string node) => _tree.File(node, node + "_workflow.json");

    private RegenerateLokiNodes Build()
    {
        var task = new RegenerateLokiNodes
        {
            BuildEngine = _engine,
            Nodes = [.. Directory.GetDirectories(_tree.Nodes).Order(StringComparer.Ordinal).Select(d => new TaskItem(d))],
            StateDirectory = Path.Combine(_tree.Root, "obj", "loki"),
        };
        Assert.True(task.Execute(), string.Join("\n", _engine.Errors.Select(e => $"{e.File}: {e.Code} {e.Message}")));
        return task;
    }
}
