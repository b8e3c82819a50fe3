using System.Text.RegularExpressions;
using Loki.Core.Diagnostics;

namespace Loki.Build.Tasks.Tests.EndToEnd;

/// <summary>
/// <c>dotnet build</c> of node libraries: generation on the first build, no conversion on a no-change build, one
/// node rebuilt when one node changes, added and removed nodes noticed, edited generated files kept.
/// </summary>
public sealed class IncrementalBuildTests : IDisposable
{
    // The no-change check's message; the regeneration target and its tasks do not run then.
    private const string Skipped = $"message {LokiCodes.NodesUpToDate}:";
    private readonly TempTree _tree = new("loki-e2e-");
    private readonly string _project;

    public IncrementalBuildTests()
    {
        _project = DotnetBuild.WriteLibraryProject(_tree.Root);
        SampleNodes.WriteComplete(_tree, "blur", "Blur");
        SampleNodes.WriteComplete(_tree, "sharpen", "Sharpen");
        _tree.Write("sharpen", "sharpen.md", "# Requirements: sharpen\n");
    }

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void Build_FirstGeneratesThenNoChangeRunsNoConversionThenOneNodeRebuildsAlone()
    {
        // Given a fresh library: the first build generates the missing registration layers.
        var first = Build();
        Assert.True(File.Exists(_tree.File("blur", "__init__.py")));
        Assert.True(File.Exists(_tree.File("sharpen", "__init__.py")));
        Assert.Equal(["blur", "sharpen"], Rebuilt(first));
        Assert.True(File.Exists(Path.Combine(_tree.Root, "obj", "loki", "growth.md")));

        // A second build with no change skips the regeneration target: no task, no conversion.
        var second = Build();
        Assert.Contains(Skipped, second);
        Assert.DoesNotContain("loki: 2 nodes", second);
        Assert.Empty(Rebuilt(second));

        // Changing one node's source rebuilds that node only.
        var sharpenInit = File.ReadAllBytes(_tree.File("sharpen", "__init__.py"));
        SampleNodes.WriteComplete(_tree, "blur", "Blur", "# tuned\n");
        var third = Build();
        Assert.Equal(["blur"], Rebuilt(third));
        Assert.Contains("loki: 2 nodes, 1 rebuilt, 1 unchanged", third);
        Assert.Equal(sharpenInit, File.ReadAllBytes(_tree.File("sharpen", "__init__.py")));
    }

    [Fact]
    public void Build_NodeAddedWithOldTimestampsOrRemoved_IsNoticed()
    {
        Build();

        // A node copied in with old timestamps is not newer than the stamp: the inputs cache notices it.
        SampleNodes.WriteComplete(_tree, "veil", "Veil");
        foreach (var file in Directory.GetFiles(_tree.NodeDir("veil")))
        {
            File.SetLastWriteTimeUtc(file, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        }

        Directory.SetLastWriteTimeUtc(_tree.NodeDir("veil"), new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal(["veil"], Rebuilt(Build()));
        Assert.True(File.Exists(_tree.File("veil", "__init__.py")));

        // A removed node disappears from the state and the report.
        Directory.Delete(_tree.NodeDir("blur"), recursive: true);
        var log = Build();
        Assert.DoesNotContain(Skipped, log);
        Assert.Contains("loki: 2 nodes, 0 rebuilt", log);
        Assert.DoesNotContain("| blur |", File.ReadAllText(Path.Combine(_tree.Root, "obj", "loki", "growth.md")));
        Assert.DoesNotContain(Directory.GetFiles(Path.Combine(_tree.Root, "obj", "loki", "nodes")), f => Path.GetFileName(f).StartsWith("blur.", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_EditedGeneratedFile_SurvivesWithACodedWarning()
    {
        Build();
        var init = _tree.File("blur", "__init__.py");
        File.AppendAllText(init, "print('kept by a person')\n");
        var edited = File.ReadAllBytes(init);
        _tree.Write("blur", "blur_node.py", SampleNodes.ContractNode("Blur") + "\n# changed source\n");

        var log = Build();

        Assert.Equal(edited, File.ReadAllBytes(init));
        Assert.Matches(new Regex($@"{Regex.Escape(init)}\(1\): LOKI warning {LokiCodes.GeneratedFileEdited}:"), log);
    }

    [Fact]
    public void Build_VerifyMode_FailsOnMissingGeneratedLayersAndWritesNothing()
    {
        var (exit, log) = DotnetBuild.Run(_project, "-p:LokiRegenerate=false");

        Assert.NotEqual(0, exit);
        Assert.Contains($"error {LokiCodes.GeneratedLayerStale}", log);
        Assert.False(File.Exists(_tree.File("blur", "__init__.py")));
    }

    private static string[] Rebuilt(string log) =>
        [.. Regex.Matches(log, @"loki: rebuilt node (\w+):").Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal)];

    private string Build()
    {
        var (exit, log) = DotnetBuild.Run(_project);
        Assert.True(exit == 0, log);
        return log;
    }
}
