using System.Text.RegularExpressions;
using Loki.Tests;

namespace Loki.Build.Tasks.Tests.EndToEnd;

/// <summary>
/// <c>dotnet build</c> of a library holding a composite LOKI Script (the repository's image_finish, calling
/// image_levels, image_sharpen and text_overlay): the target's incremental inputs see a change in a called node, and
/// the per-node check rebuilds the composite with it (its flow is made of the called nodes' interfaces), not only
/// the node that changed; a node it does not call changes nothing for it.
/// </summary>
public sealed class CompositeIncrementalBuildTests : IDisposable
{
    private static readonly string[] Nodes = ["image_finish", "image_levels", "image_sharpen", "text_overlay", "image_blur"];
    private readonly TempTree _tree = new("loki-e2e-composite-");
    private readonly string _project;

    public CompositeIncrementalBuildTests()
    {
        _project = DotnetBuild.WriteLibraryProject(_tree.Root);
        FolderCopy.Copy(RepoPaths.InRepo("src", "python", "loki_runtime"), Path.Combine(_tree.Root, "src", "python", "loki_runtime"));
        foreach (var node in Nodes)
        {
            FolderCopy.Copy(RepoPaths.InRepo("nodes", node), _tree.NodeDir(node));
        }
    }

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void Build_ACalledNodesNewVersionRebuildsTheCompositeAndAnUncalledNodeDoesNot()
    {
        Build();
        var flow = File.ReadAllText(_tree.File("image_finish", "image_finish_workflow.json"));
        Assert.Empty(Rebuilt(Build()));

        Bump("image_blur");
        Assert.Equal(["image_blur"], Rebuilt(Build()));

        Bump("image_sharpen");
        var log = Build();
        Assert.Equal(["image_finish", "image_sharpen"], Rebuilt(log));
        Assert.Contains("LOKI6100", log, StringComparison.Ordinal); // grown and proven again
        Assert.Equal(flow, File.ReadAllText(_tree.File("image_finish", "image_finish_workflow.json")));
    }

    private void Bump(string node)
    {
        var config = _tree.File(node, node + ".json");
        var text = File.ReadAllText(config);
        Assert.Contains("\"version\": \"1.0.0\"", text, StringComparison.Ordinal);
        File.WriteAllText(config, text.Replace("\"version\": \"1.0.0\"", "\"version\": \"1.0.1\"", StringComparison.Ordinal));
    }

    private static string[] Rebuilt(string log) =>
        [.. Regex.Matches(log, @"loki: rebuilt node (\w+):").Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal)];

    private string Build()
    {
        var (exit, log) = DotnetBuild.Run(_project, "-p:LokiGlamours=false");
        Assert.True(exit == 0, log);
        return log;
    }
}
