using System.Diagnostics;
using System.Text;
using Loki.Core.Regeneration;

namespace Loki.Build.Tasks.Tests.EndToEnd;

/// <summary>Nothing lost: a killed build leaves no torn file, and a hand-kept library keeps every authored byte.</summary>
public sealed class RobustnessTests : IDisposable
{
    private readonly TempTree _tree = new("loki-e2e-");

    public void Dispose() => _tree.Dispose();

    private IEnumerable<string> Inits() => Directory.EnumerateFiles(_tree.Nodes, "__init__.py", SearchOption.AllDirectories);

    [Fact]
    public void Build_KilledDuringGeneration_LeavesEveryFileWholeAndTheNextBuildFinishes()
    {
        // Given a library large enough that generation takes a while.
        const int count = 1500;
        for (var i = 0; i < count; i++)
        {
            SampleNodes.WriteComplete(_tree, $"n{i:D4}", $"N{i:D4}");
        }

        var project = DotnetBuild.WriteLibraryProject(_tree.Root);

        // When the build is killed as soon as the first generated file appears.
        var output = new StringBuilder();
        // Layers only: this is about interrupted writes of layer files, and 1500 glamours would take minutes.
        using (var process = DotnetBuild.Start(project, output, "build", "--no-restore", "-p:LokiGlamours=false"))
        {
            var watch = Stopwatch.StartNew();
            while (!Inits().Any() && !process.HasExited && watch.Elapsed < TimeSpan.FromMinutes(2))
            {
                Thread.Sleep(5);
            }

            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        // Then generation was interrupted mid-way, and every file that exists is whole.
        var written = Inits().ToList();
        Assert.NotEmpty(written);
        Assert.True(written.Count < count, $"the build finished before it could be killed:\n{output}");
        foreach (var init in written)
        {
            var mark = GeneratedHeader.ReadPython(File.ReadAllText(init), out var body, out _);
            Assert.NotNull(mark);
            Assert.Equal(mark!.BodySha256, Sha256Hex.Of(body));
        }

        // And the next build completes the library and removes any temporary file the kill left.
        var (exit, log) = DotnetBuild.Run(project, "-p:LokiGlamours=false");
        Assert.True(exit == 0, log);
        Assert.Equal(count, Inits().Count());
        Assert.Empty(Directory.EnumerateFiles(_tree.Nodes, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Build_HandKeptLibraryInTheSpecLayout_SucceedsAndChangesNoAuthoredByte()
    {
        // A node with only a hand-written ComfyUI node, and one registered by hand with the loose config shape.
        _tree.Write("only_node", "only_node_node.py", SampleNodes.LegacyNode("OnlyNode"));
        _tree.Write("list_things", "list_things_node.py", SampleNodes.LegacyNode("ListThings"));
        _tree.Write("list_things", "list_things.json", SampleNodes.LooseConfig);
        _tree.Write("list_things", "__init__.py", "from .list_things_node import ListThings\n\nNODE_CLASS_MAPPINGS = {\"LokiListThings\": ListThings}\n");
        _tree.Write("list_things", "list_things.md", "# Requirements: list_things\n\n## DESCRIPTION\n\nLists things.\n");
        _tree.Write("list_things", "STATUS.md", "# Status\n\n- [ ] tests\n");
        _tree.Write("list_things", "list_things_name.md", "TOKEN=\"📜Things\"\nTAGS=[\"list\"]\n");

        // Nodes with only a workflow, only a script, and a UI-only node with glamour.
        _tree.Write("only_flow", "only_flow_workflow.json", SampleNodes.Workflow);
        _tree.Write("only_script", "only_script.py", SampleNodes.Script);
        _tree.Write("veil", "veil.json", SampleNodes.UiConfig);
        _tree.Write("veil", "veil.js", "app.registerExtension({name: 'veil'});\n");
        _tree.Write("veil", "__init__.py", "NODE_CLASS_MAPPINGS = {}\n");
        _tree.Write("veil", "glamour/glamour.json", "{\"states\": []}\n");
        _tree.Write("veil", "glamour/icon_prompt.txt", "a veil\n");
        Directory.CreateDirectory(_tree.NodeDir("empty_idea"));
        var before = _tree.Snapshot();
        var project = DotnetBuild.WriteLibraryProject(_tree.Root);

        var (exit, log) = DotnetBuild.Run(project);

        Assert.True(exit == 0, log);
        var after = _tree.Snapshot();
        foreach (var (file, bytes) in before)
        {
            Assert.True(after.TryGetValue(file, out var now) && now.AsSpan().SequenceEqual(bytes), $"{file} was changed or removed");
        }

        foreach (var added in after.Keys.Except(before.Keys))
        {
            var text = File.ReadAllText(Path.Combine(_tree.Nodes, added));
            var marked = added.EndsWith(".png", StringComparison.Ordinal)
                ? Loki.Core.Rendering.PngImage.ReadTexts(File.ReadAllBytes(Path.Combine(_tree.Nodes, added))).ContainsKey(Loki.Core.Glamours.GlamourMark.Keyword)
                : text.StartsWith(GeneratedHeader.PythonPrefix, StringComparison.Ordinal) || text.Contains("\"generated\": true", StringComparison.Ordinal);
            Assert.True(marked, $"{added} has no LOKI header (a PNG: no 'loki' text chunk)");
        }

        Assert.Contains("only_node/__init__.py", after.Keys);
        Assert.Contains("\"LokiOnlyNode\": OnlyNode", File.ReadAllText(_tree.File("only_node", "__init__.py")));
    }
}
