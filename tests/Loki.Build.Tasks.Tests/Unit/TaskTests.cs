using Loki.Core.Diagnostics;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Loki.Build.Tasks.Tests.Unit;

/// <summary>The tasks with a recording build engine: codes, files and lines of what they log.</summary>
public sealed class TaskTests : IDisposable
{
    private readonly TempTree _tree = new("loki-tasks-");
    private readonly MockBuildEngine _engine = new();

    public void Dispose() => _tree.Dispose();

    private string State => Path.Combine(_tree.Root, "obj", "loki");

    [Fact]
    public void ResolveLokiNodes_MissingFolder_ErrorsWithCodeAndFile()
    {
        var missing = Path.Combine(_tree.Nodes, "ghost");
        var task = new ResolveLokiNodes { BuildEngine = _engine, Nodes = [new TaskItem(missing)], StateDirectory = State };

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal(LokiCodes.NodeFolderMissing, error.Code);
        Assert.Equal("LOKI", error.Subcategory);
        Assert.Equal(missing, error.File);
    }

    [Fact]
    public void ResolveLokiNodes_SkipsBinObjAndHiddenFolders()
    {
        foreach (var name in new[] { "blur", "bin", "obj", ".git" })
        {
            Directory.CreateDirectory(_tree.NodeDir(name));
        }

        var task = new ResolveLokiNodes
        {
            BuildEngine = _engine,
            Nodes = [.. new[] { "blur", "bin", "obj", ".git" }.Select(n => new TaskItem(_tree.NodeDir(n)))],
            StateDirectory = State,
        };

        Assert.True(task.Execute());
        var node = Assert.Single(task.ResolvedNodes);
        Assert.Equal("blur", node.GetMetadata("NodeName"));
        Assert.StartsWith(Path.Combine(State, "nodes", "blur."), node.GetMetadata("StampFile"));
    }

    [Fact]
    public void RegenerateLokiNodes_NodeOnly_WritesInitThenSkipsUnchangedNode()
    {
        SampleNodes.WriteComplete(_tree, "blur", "Blur");

        var first = Regenerate();
        var second = Regenerate();

        // The layer, then the node's default glamour (icon, five faces, card, glamour.json).
        Assert.Equal(_tree.File("blur", "__init__.py"), Assert.Single(first.WrittenFiles, w => !w.ItemSpec.Contains("/glamour/", StringComparison.Ordinal)).ItemSpec);
        Assert.Equal(8, first.WrittenFiles.Count(w => w.ItemSpec.Contains("/blur/glamour/", StringComparison.Ordinal)));
        Assert.Equal("blur", Assert.Single(first.RebuiltNodes).ItemSpec);
        Assert.Contains("message " + LokiCodes.LayerGenerated, _engine.Codes);
        Assert.Empty(second.RebuiltNodes);
        Assert.Empty(second.WrittenFiles);
    }

    [Fact]
    public void RegenerateLokiNodes_EditedGeneratedFile_WarnsAtTheFileAndKeepsIt()
    {
        SampleNodes.WriteComplete(_tree, "blur", "Blur");
        Regenerate();
        var init = _tree.File("blur", "__init__.py");
        File.AppendAllText(init, "print('mine')\n");
        var edited = File.ReadAllText(init);
        SampleNodes.WriteComplete(_tree, "blur", "Blur", "# changed\n");

        var task = Regenerate();

        Assert.True(!_engine.Errors.Any());
        var warning = Assert.Single(_engine.Warnings);
        Assert.Equal(LokiCodes.GeneratedFileEdited, warning.Code);
        Assert.Equal(init, warning.File);
        Assert.Equal(1, warning.LineNumber);
        Assert.Equal(edited, File.ReadAllText(init));
        Assert.Empty(task.WrittenFiles);
    }

    [Fact]
    public void VerifyLokiNodes_MissingGeneratedLayer_ErrorsAndWritesNothing()
    {
        SampleNodes.WriteComplete(_tree, "blur", "Blur");
        var task = new VerifyLokiNodes { BuildEngine = _engine, Nodes = [new TaskItem(_tree.NodeDir("blur"))], StateDirectory = State };

        Assert.False(task.Execute());

        Assert.Equal(LokiCodes.GeneratedLayerStale, Assert.Single(_engine.Errors, e => e.Code != LokiCodes.GlamourStale).Code);
        Assert.Equal(8, _engine.Errors.Count(e => e.Code == LokiCodes.GlamourStale));
        Assert.False(File.Exists(_tree.File("blur", "__init__.py")));
        Assert.False(Directory.Exists(Path.Combine(_tree.NodeDir("blur"), "glamour")));
    }

    [Fact]
    public void RegenerateLokiNodes_BadConfig_ErrorsWithJsonPath()
    {
        SampleNodes.WriteComplete(_tree, "blur", "Blur");
        _tree.Write("blur", "blur.json", """{"node_name": "blur", "inputs": {"r": {"type": "INT", "default": 9, "max": 4}}}""");

        Assert.False(Regenerate(expectSuccess: false).Execute());

        var error = Assert.Single(_engine.Errors, e => e.Code == LokiCodes.ConfigBadDefault);
        Assert.Equal(_tree.File("blur", "blur.json"), error.File);
        Assert.Contains("[at $.inputs.r.default]", error.Message);
    }

    [Fact]
    public void ReportLokiNodes_WritesOneRowPerNodeAndLogsGrowth()
    {
        SampleNodes.WriteComplete(_tree, "blur", "Blur");
        Regenerate();
        var report = Path.Combine(State, "growth.md");
        var resolve = new ResolveLokiNodes { BuildEngine = _engine, Nodes = [new TaskItem(_tree.NodeDir("blur"))], StateDirectory = State };
        resolve.Execute();

        Assert.True(new ReportLokiNodes { BuildEngine = _engine, Nodes = resolve.ResolvedNodes, ReportFile = report }.Execute());

        Assert.Contains("| blur | config, script, node | init |", File.ReadAllText(report));
        Assert.Contains(_engine.Messages, m => m.Code == LokiCodes.NodeGrowth && m.Importance == MessageImportance.Low);
    }

    private RegenerateLokiNodes Regenerate(bool expectSuccess = true)
    {
        var task = new RegenerateLokiNodes { BuildEngine = _engine, Nodes = [new TaskItem(_tree.NodeDir("blur"))], StateDirectory = State };
        if (expectSuccess)
        {
            Assert.True(task.Execute(), string.Join("\n", _engine.Errors.Select(e => e.Message)));
        }

        return task;
    }
}
