using Loki.Core.Diagnostics;
using Loki.Core.Regeneration;

namespace Loki.Cli.Tests.Commands;

/// <summary><c>loki new</c> and <c>loki import</c>: what they place, what they refuse, and their exit codes.</summary>
public sealed class NodeCommandsTests : IDisposable
{
    private const string Workflow = """
        {"last_node_id": 1, "last_link_id": 0, "links": [], "version": 0.4,
         "nodes": [{"id": 1, "type": "LoadImage", "pos": [0, 0], "size": [300, 300], "flags": {}, "order": 0, "mode": 0,
                    "outputs": [{"name": "IMAGE", "type": "IMAGE", "links": null}], "widgets_values": ["in.png", "image"]}]}
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("loki-cli-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task New_CreatesTheTemplateLayersThenRefusesAnExistingNode()
    {
        var node = Path.Combine(_root, "nodes", "color_wheel");

        var (exit, stdout, _) = await Run("new", node);

        Assert.Equal(CliApp.Success, exit);
        Assert.True(File.Exists(Path.Combine(node, "color_wheel.md")));
        Assert.True(File.Exists(Path.Combine(node, "color_wheel_name.md")));
        Assert.True(File.Exists(Path.Combine(node, "STATUS.md")));
        Assert.Contains("color_wheel: authored requirements, status, name", stdout);
        Assert.DoesNotContain(GeneratedHeader.PythonPrefix, File.ReadAllText(Path.Combine(node, "color_wheel.md")));

        var (again, _, stderr) = await Run("new", node);
        Assert.Equal(CliApp.Failed, again);
        Assert.Contains($"error {LokiCodes.NodeLayerExists}", stderr);
    }

    [Fact]
    public async Task New_BadName_IsAnError()
    {
        var (exit, _, stderr) = await Run("new", Path.Combine(_root, "ColorWheel"));

        Assert.NotEqual(CliApp.Success, exit);
        Assert.Contains(LokiCodes.BadUsage, stderr);
        Assert.False(Directory.Exists(Path.Combine(_root, "ColorWheel")));
    }

    [Fact]
    public async Task Import_Workflow_BecomesTheAuthoredFlowLayer()
    {
        var file = Path.Combine(_root, "saved.json");
        File.WriteAllText(file, Workflow);
        var node = Path.Combine(_root, "nodes", "load_one");

        var (exit, stdout, stderr) = await Run("import", file, "--into", node);

        Assert.True(exit == CliApp.Success, stderr);
        var flow = File.ReadAllText(Path.Combine(node, "load_one_workflow.json"));
        Assert.Contains("\"LoadImage\"", flow);
        Assert.DoesNotContain("\"generated\"", flow);
        Assert.Contains("authored requirements, status, name, flow", stdout);

        var (again, _, err) = await Run("import", file, "--into", node);
        Assert.Equal(CliApp.Failed, again);
        Assert.Contains($"error {LokiCodes.NodeLayerExists}", err);
    }

    [Fact]
    public async Task Import_PythonFunction_WrapsItAndGrowsTheNode()
    {
        var module = Path.Combine(_root, "mod.py");
        File.WriteAllText(module, "def brighten(image, amount: float = 0.1):\n    \"\"\"Brightens an image.\"\"\"\n    return image + amount\n");
        var node = Path.Combine(_root, "nodes", "brighten");

        var (exit, stdout, stderr) = await Run("import", module + ":brighten", "--into", node);

        Assert.True(exit == CliApp.Success, stderr);
        foreach (var file in new[] { "brighten.py", "brighten.json", "brighten_node.py", "__init__.py" })
        {
            Assert.True(File.Exists(Path.Combine(node, file)), file);
        }

        Assert.StartsWith(GeneratedHeader.PythonPrefix, File.ReadAllText(Path.Combine(node, "brighten_node.py")));
        Assert.Contains("generated config, script", stdout);
    }

    [Theory]
    [InlineData("not-a-source", LokiCodes.ImportSourceUnknown)]
    [InlineData("missing.py:run", LokiCodes.FileNotFound)]
    [InlineData("missing.json", LokiCodes.FileNotFound)]
    public async Task Import_BadSource_IsCoded(string source, string code)
    {
        var (exit, _, stderr) = await Run("import", Path.Combine(_root, source), "--into", Path.Combine(_root, "nodes", "x"));

        Assert.NotEqual(CliApp.Success, exit);
        Assert.Contains($"error {code}", stderr);
    }

    [Fact]
    public async Task Import_WithoutInto_IsBadUsage()
    {
        var (exit, _, stderr) = await Run("import", "a.json");

        Assert.Equal(CliApp.BadUsage, exit);
        Assert.Contains(LokiCodes.BadUsage, stderr);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
