using Loki.Core.Diagnostics;
using Loki.Core.Nodes;

namespace Loki.Core.Tests.Nodes;

public sealed class NodeFolderReaderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("loki-folder-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Read_EveryLayerKind_FindsFilesAndFolders()
    {
        var dir = Node("image_levels", "image_levels.md", "STATUS.md", "image_levels_name.md", "image_levels.json", "image_levels.py",
            "__init__.py", "image_levels_node.py", "image_levels_workflow.json", "requirements.txt", "CONTEXT.md", "notes.txt");
        Directory.CreateDirectory(Path.Combine(dir, "glamour"));
        Directory.CreateDirectory(Path.Combine(dir, "tests"));
        Directory.CreateDirectory(Path.Combine(dir, "src"));

        var bag = new DiagnosticBag();
        var folder = NodeFolderReader.Read(dir, bag)!;

        Assert.Empty(bag.Items);
        Assert.Equal("image_levels", folder.Name);
        foreach (var layer in new[] { NodeLayer.Requirements, NodeLayer.Status, NodeLayer.Name, NodeLayer.Config, NodeLayer.Script, NodeLayer.Init,
                     NodeLayer.Node, NodeLayer.Flow, NodeLayer.PythonRequirements, NodeLayer.Context, NodeLayer.Glamour, NodeLayer.Tests, NodeLayer.Sources })
        {
            Assert.True(folder.Has(layer), layer.ToString());
        }

        Assert.False(folder.Has(NodeLayer.TestWorkflow));
        Assert.Equal("glamour/", folder.Layers[NodeLayer.Glamour]);
        Assert.Contains("notes.txt", folder.Entries);
        Assert.Equal([NodeLayer.Script, NodeLayer.Node, NodeLayer.Flow], folder.FunctionalityLayers);
    }

    [Fact]
    public void Read_FilesNamedAfterAnotherNode_AreNotLayers()
    {
        var folder = NodeFolderReader.Read(Node("blur", "sharpen.py", "sharpen_node.py"), new DiagnosticBag())!;

        Assert.False(folder.Has(NodeLayer.Script));
        Assert.False(folder.Has(NodeLayer.Node));
    }

    [Fact]
    public void Read_NameNotSnakeCase_WarnsWithCode()
    {
        var bag = new DiagnosticBag();
        NodeFolderReader.Read(Node("ImageLevels"), bag);

        Assert.Equal(LokiCodes.NodeNameNotSnakeCase, Assert.Single(bag.Items).Code);
    }

    [Fact]
    public void Read_MissingFolder_ErrorsWithCode()
    {
        var bag = new DiagnosticBag();

        Assert.Null(NodeFolderReader.Read(Path.Combine(_root, "nope"), bag));
        Assert.Equal(LokiCodes.NodeFolderMissing, Assert.Single(bag.Items).Code);
    }

    private string Node(string name, params string[] files)
    {
        var dir = Path.Combine(_root, name);
        Directory.CreateDirectory(dir);
        foreach (var f in files)
        {
            File.WriteAllText(Path.Combine(dir, f), "x");
        }

        return dir;
    }
}
