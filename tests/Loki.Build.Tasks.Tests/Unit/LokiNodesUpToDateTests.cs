using Loki.Core.Diagnostics;
using Microsoft.Build.Utilities;

namespace Loki.Build.Tasks.Tests.Unit;

/// <summary>
/// The no-change check: up to date only when the stamp is newer than every node folder, every file in them and
/// every other input; an edit, an added or removed file, a newer project file or a missing stamp all count.
/// </summary>
public sealed class LokiNodesUpToDateTests : IDisposable
{
    private static readonly DateTime Old = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Built = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Later = new(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly TempTree _tree = new("loki-uptodate-");
    private readonly MockBuildEngine _engine = new();

    public LokiNodesUpToDateTests()
    {
        SampleNodes.WriteComplete(_tree, "blur", "Blur");
        SampleNodes.WriteComplete(_tree, "sharpen", "Sharpen");
        File.WriteAllText(Project, "<Project />");
        File.WriteAllText(Stamp, string.Empty);
        foreach (var file in Directory.GetFiles(_tree.Nodes, "*", SearchOption.AllDirectories).Append(Project))
        {
            File.SetLastWriteTimeUtc(file, Old);
        }

        foreach (var dir in Directory.GetDirectories(_tree.Nodes))
        {
            Directory.SetLastWriteTimeUtc(dir, Old);
        }

        File.SetLastWriteTimeUtc(Stamp, Built);
    }

    private string Stamp => Path.Combine(_tree.Root, "build.stamp");

    private string Project => Path.Combine(_tree.Root, "library.proj");

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void NothingNewerThanTheStamp_IsUpToDate()
    {
        Assert.True(Check());
        Assert.Contains("message " + LokiCodes.NodesUpToDate, _engine.Codes);
    }

    [Fact]
    public void AFileEditedInPlace_IsAChange()
    {
        File.SetLastWriteTimeUtc(_tree.File("sharpen", "sharpen.py"), Later);

        Assert.False(Check());
        var message = Assert.Single(_engine.Messages, m => m.Code == LokiCodes.NodesChanged);
        Assert.Equal(_tree.File("sharpen", "sharpen.py"), message.File);
    }

    [Fact]
    public void AFileRemovedFromANode_IsAChange()
    {
        // A deleted layer is newer than nothing; its folder's time says it went (and the build grows it again).
        File.Delete(_tree.File("blur", "blur_node.py"));

        Assert.False(Check());
        Assert.Equal(_tree.NodeDir("blur"), Assert.Single(_engine.Messages, m => m.Code == LokiCodes.NodesChanged).File);
    }

    [Fact]
    public void ANewerProjectFile_AMissingInputOrAMissingStamp_IsAChange()
    {
        File.SetLastWriteTimeUtc(Project, Later);
        Assert.False(Check());

        File.SetLastWriteTimeUtc(Project, Old);
        Assert.False(Check(extraInput: Path.Combine(_tree.Root, "gone.targets")));

        File.Delete(Stamp);
        Assert.False(Check());
    }

    private bool Check(string? extraInput = null)
    {
        var task = new LokiNodesUpToDate
        {
            BuildEngine = _engine,
            Nodes = [new TaskItem(_tree.NodeDir("blur")), new TaskItem(_tree.NodeDir("sharpen"))],
            Inputs = [new TaskItem(Project), .. extraInput is null ? Array.Empty<TaskItem>() : [new TaskItem(extraInput)]],
            Stamp = Stamp,
        };
        Assert.True(task.Execute());
        return task.UpToDate;
    }
}
