using System.Collections.Immutable;
using Loki.Core.Config;
using Loki.Core.Diagnostics;
using Loki.Core.Nodes;
using Loki.Core.Regeneration;

namespace Loki.Core.Tests.Regeneration;

/// <summary>
/// The engine's rules, exercised with small stand-in converters (the real ones have their own tests): derive what is
/// missing, never touch a person's file, keep edited generated files, write atomically and only when changed.
/// </summary>
public sealed class NodeRegeneratorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("loki-regen-").FullName;
    private int _scriptToNodeCalls;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Regenerate_ScriptOnly_DerivesNodeAndInitWithHeaders()
    {
        var dir = Node("blur", ("blur.py", "def run(radius): pass\n"));

        var growth = Regenerator().Regenerate(dir);

        Assert.False(growth.HasErrors);
        Assert.Equal(LayerState.Authored, State(growth, NodeLayer.Script));
        Assert.Equal(LayerState.Written, State(growth, NodeLayer.Node));
        Assert.Equal(LayerState.Written, State(growth, NodeLayer.Init));
        Assert.Equal(LayerState.Missing, State(growth, NodeLayer.Requirements));
        var node = File.ReadAllText(Path.Combine(dir, "blur_node.py"));
        Assert.StartsWith(GeneratedHeader.PythonPrefix + "blur.py (sha256 ", node);
        Assert.Contains("class Blur:", node);
        Assert.Equal(2, growth.Written.Length);
        Assert.Contains(growth.Diagnostics, d => d.Code == LokiCodes.LayerGenerated);
    }

    [Fact]
    public void Regenerate_SecondTime_WritesNothing()
    {
        var dir = Node("blur", ("blur.py", "def run(radius): pass\n"));
        Regenerator().Regenerate(dir);
        var before = File.GetLastWriteTimeUtc(Path.Combine(dir, "blur_node.py"));

        var growth = Regenerator().Regenerate(dir);

        Assert.Empty(growth.Written);
        Assert.Equal(LayerState.Generated, State(growth, NodeLayer.Node));
        Assert.Equal(before, File.GetLastWriteTimeUtc(Path.Combine(dir, "blur_node.py")));
    }

    [Fact]
    public void Regenerate_SourceChanged_RegeneratesTheGeneratedLayer()
    {
        var dir = Node("blur", ("blur.py", "def run(radius): pass\n"));
        Regenerator().Regenerate(dir);
        File.WriteAllText(Path.Combine(dir, "blur.py"), "def run(radius, sigma): pass\n");

        var growth = Regenerator().Regenerate(dir);

        Assert.Equal(LayerState.Written, State(growth, NodeLayer.Node));
        Assert.Contains("sigma", File.ReadAllText(Path.Combine(dir, "blur_node.py")));
    }

    [Fact]
    public void Regenerate_GeneratedFileEdited_KeepsItAndWarnsEvenAfterTheSourceChanges()
    {
        var dir = Node("blur", ("blur.py", "def run(radius): pass\n"));
        Regenerator().Regenerate(dir);
        var nodeFile = Path.Combine(dir, "blur_node.py");
        File.AppendAllText(nodeFile, "# my own tweak\n");
        var edited = File.ReadAllText(nodeFile);
        File.WriteAllText(Path.Combine(dir, "blur.py"), "def run(radius, sigma): pass\n");

        var growth = Regenerator().Regenerate(dir);

        Assert.Equal(edited, File.ReadAllText(nodeFile));
        Assert.Equal(LayerState.Edited, State(growth, NodeLayer.Node));
        var warning = Assert.Single(growth.Diagnostics, d => d.Code == LokiCodes.GeneratedFileEdited);
        Assert.Equal(nodeFile, warning.File);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
    }

    [Fact]
    public void Regenerate_HeaderRemoved_FileIsAuthoredAndNeverTouched()
    {
        var dir = Node("blur", ("blur.py", "def run(radius): pass\n"));
        Regenerator().Regenerate(dir);
        var nodeFile = Path.Combine(dir, "blur_node.py");
        File.WriteAllText(nodeFile, string.Join('\n', File.ReadAllText(nodeFile).Split('\n').Skip(1)));
        var mine = File.ReadAllText(nodeFile);
        File.WriteAllText(Path.Combine(dir, "blur.py"), "def run(radius, sigma): pass\n");

        var growth = Regenerator().Regenerate(dir);

        Assert.Equal(mine, File.ReadAllText(nodeFile));
        Assert.Equal(LayerState.Authored, State(growth, NodeLayer.Node));
        Assert.DoesNotContain(growth.Diagnostics, d => d.Code == LokiCodes.GeneratedFileEdited);
    }

    [Fact]
    public void Regenerate_AuthoredLayersDisagree_ErrorNamesBothFiles()
    {
        var dir = Node("blur",
            ("blur.py", "def run(radius): pass\n"),
            ("blur.json", """{"node_name": "blur", "inputs": {"sigma": {"type": "FLOAT"}}, "outputs": {}}"""));

        var growth = Regenerator().Regenerate(dir);

        var error = Assert.Single(growth.Diagnostics, d => d.Code == LokiCodes.LayersDisagree);
        Assert.Contains("blur.json", error.Message);
        Assert.Contains("blur.py", error.Message);
        Assert.True(growth.HasErrors);
    }

    [Fact]
    public void Regenerate_AuthoredLayersAgree_NoError()
    {
        var dir = Node("blur",
            ("blur.py", "def run(radius): pass\n"),
            ("blur.json", """{"node_name": "blur", "inputs": {"radius": {"type": "INT"}}, "outputs": {}}"""));

        Assert.False(Regenerator().Regenerate(dir).HasErrors);
    }

    [Fact]
    public void Regenerate_ConverterFails_ReportsCodeAndFailedState()
    {
        var dir = Node("blur", ("blur.py", "FAIL from loki_runtime import script\n"));

        var growth = Regenerator().Regenerate(dir);

        Assert.Contains(growth.Diagnostics, d => d.Code == LokiCodes.GenerationFailed);
        Assert.Equal(LayerState.Failed, State(growth, NodeLayer.Node));
        Assert.False(File.Exists(Path.Combine(dir, "blur_node.py")));
    }

    [Fact]
    public void Regenerate_SourceDeleted_KeepsTheOrphanWithAWarning()
    {
        var dir = Node("blur", ("blur.py", "def run(radius): pass\n"));
        Regenerator().Regenerate(dir);
        File.Delete(Path.Combine(dir, "blur.py"));
        var node = File.ReadAllText(Path.Combine(dir, "blur_node.py"));

        var growth = Regenerator().Regenerate(dir);

        Assert.Equal(node, File.ReadAllText(Path.Combine(dir, "blur_node.py")));
        Assert.Equal(LayerState.Orphaned, State(growth, NodeLayer.Node));
        Assert.Contains(growth.Diagnostics, d => d.Code == LokiCodes.GeneratedSourceMissing);
    }

    [Fact]
    public void Regenerate_LayerImportedFromOutsideTheNode_IsKeptAndUsedAsSource()
    {
        // loki import-node wrote the script from a pack's file: the build must not replace it with a derivation.
        var imported = GeneratedHeader.WrapPython("def run(radius): pass\n", "somepack/blur_impl.py", new string('1', 64));
        var dir = Node("blur", ("blur.py", imported));

        var growth = Regenerator().Regenerate(dir);

        Assert.Equal(imported, File.ReadAllText(Path.Combine(dir, "blur.py")));
        Assert.Equal(LayerState.Generated, State(growth, NodeLayer.Script));
        Assert.Equal(LayerState.Written, State(growth, NodeLayer.Node));
        Assert.DoesNotContain(growth.Diagnostics, d => d.Severity != DiagnosticSeverity.Info);
    }

    [Fact]
    public void Regenerate_SameBodyFromAChangedSource_LeavesTheFileUntouched()
    {
        var dir = Node("blur", ("blur.py", "def run(radius): pass\n"));
        Regenerator().Regenerate(dir);
        var init = File.ReadAllText(Path.Combine(dir, "__init__.py"));
        File.AppendAllText(Path.Combine(dir, "blur_node.py"), "# a comment the init does not depend on\n");

        var growth = Regenerator().Regenerate(dir);

        Assert.Equal(init, File.ReadAllText(Path.Combine(dir, "__init__.py")));
        Assert.Equal(LayerState.Generated, State(growth, NodeLayer.Init));
    }

    [Fact]
    public void Regenerate_TemporaryFileFromAKilledWrite_IsRemoved()
    {
        var dir = Node("blur", ("blur.py", "def run(radius): pass\n"), (".blur_node.py.0123abcd.tmp", "torn"));

        var growth = Regenerator().Regenerate(dir);

        Assert.False(File.Exists(Path.Combine(dir, ".blur_node.py.0123abcd.tmp")));
        Assert.Contains(growth.Diagnostics, d => d.Code == LokiCodes.StaleTemporaryFile);
    }

    [Fact]
    public void Regenerate_DryRun_ReportsButWritesNothing()
    {
        var dir = Node("blur", ("blur.py", "def run(radius): pass\n"));

        var growth = Regenerator().Regenerate(dir, dryRun: true);

        Assert.Equal(2, growth.Written.Length);
        Assert.False(File.Exists(Path.Combine(dir, "blur_node.py")));
    }

    [Fact]
    public void Regenerate_NoFunctionalityLayer_SaysSo()
    {
        var dir = Node("ui_only", ("ui_only.json", """{"node_name_internal": "UiOnly", "category": "LOKI 🦊/UI"}"""));
        Directory.CreateDirectory(Path.Combine(dir, "glamour"));

        var growth = Regenerator().Regenerate(dir);

        Assert.Contains(growth.Diagnostics, d => d.Code == LokiCodes.NoFunctionalityLayer);
        Assert.Empty(growth.Written);
        Assert.Equal(LayerState.Authored, State(growth, NodeLayer.Glamour));
    }

    private static LayerState State(NodeGrowth growth, NodeLayer layer) => growth.Layers.Single(l => l.Layer == layer).State;

    [Fact]
    public void Regenerate_ToolMadeScript_IsKeptAndNeverDerivedFromTheNodeThatWrapsIt()
    {
        // Given: `loki wrap` made blur.py from src/fn.py (a source the build does not convert), and a node exists.
        var script = GeneratedHeader.WrapPython("def run(radius): pass\n", "src/fn.py", new string('a', 64));
        var dir = Node("blur", ("src/fn.py", "def fn(radius): pass\n"), ("blur.py", script), ("blur_node.py", "from . import blur as _script\n"));
        var nodeToScriptCalls = 0;
        var regenerator = new NodeRegenerator(
            [new DelegateLayerGenerator("node→script", NodeLayer.Node, NodeLayer.Script, _ => { nodeToScriptCalls++; return "def run(): pass\n"; })],
            [new ConfigInterfaceReader()]);

        // When
        var growth = regenerator.Regenerate(dir);

        // Then: the script is left as the tool wrote it, without a "missing source" warning.
        Assert.Equal(0, nodeToScriptCalls);
        Assert.Equal(script, File.ReadAllText(Path.Combine(dir, "blur.py")));
        Assert.DoesNotContain(growth.Diagnostics, d => d.Code == LokiCodes.GeneratedSourceMissing);
    }

    private NodeRegenerator Regenerator() => new(
        [
            new DelegateLayerGenerator("script→node", NodeLayer.Script, NodeLayer.Node, ctx =>
            {
                _scriptToNodeCalls++;
                if (ctx.SourceText.StartsWith("FAIL", StringComparison.Ordinal))
                {
                    ctx.Diagnostics.Error("LOKI2999", "cannot read the script", ctx.SourcePath);
                    return null;
                }

                return $"class {Loki.Core.Naming.NodeNames.ToPascal(ctx.NodeName)}:\n    SOURCE = {Loki.Core.Text.PythonLiteral.String(ctx.SourceText)}\n\nNODE_CLASS_MAPPINGS = {{}}\n";
            }),
            new Loki.Core.Regeneration.Generators.InitFromNodeGenerator(),
        ],
        [new ConfigInterfaceReader(), new SignatureReader()]);

    private string Node(string name, params (string File, string Text)[] files)
    {
        var dir = Path.Combine(_root, name);
        Directory.CreateDirectory(dir);
        foreach (var (file, text) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(dir, file))!);
            File.WriteAllText(Path.Combine(dir, file), text);
        }

        return dir;
    }

    /// <summary>Reads <c>def run(a, b)</c> as INT inputs: enough to test agreement checks.</summary>
    private sealed class SignatureReader : ILayerInterfaceReader
    {
        public NodeLayer Layer => NodeLayer.Script;

        public NodeInterface? Read(NodeFolder folder, string path, string text, DiagnosticBag diagnostics)
        {
            var open = text.IndexOf("run(", StringComparison.Ordinal);
            if (open < 0)
            {
                return null;
            }

            var args = text[(open + 4)..text.IndexOf(')', open)].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return new NodeInterface([.. args.Select(a => new PortSpec(a, PortTypes.Int))], ImmutableArray<PortSpec>.Empty);
        }
    }
}
