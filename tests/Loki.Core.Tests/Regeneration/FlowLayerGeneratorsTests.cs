using Loki.Core.Diagnostics;
using Loki.Core.Regeneration;
using Loki.Core.Regeneration.Generators;

namespace Loki.Core.Tests.Regeneration;

/// <summary>
/// The build grows a flow node from its authored LOKI Flow (config, flow script, flow node), and an authored config
/// that disagrees with the flow's signature is an error naming both files.
/// </summary>
public sealed class FlowLayerGeneratorsTests : IDisposable
{
    private const string TextCaseConfig = """
        {"node_name": "text_case", "inputs": {"text": {"type": "STRING", "default": ""},
         "mode": {"type": "COMBO", "options": ["upper", "lower"], "default": "lower"}},
         "outputs": {"text": {"type": "STRING"}}}
        """;

    private const string Flow = """
        {
          "1": {"class_type": "LokiInput", "inputs": {"name": "title", "type": "STRING", "default": "Hi", "min": "", "max": "", "description": "Text to shout."}},
          "2": {"class_type": "LokiTextCase", "inputs": {"text": ["1", 0], "mode": "upper"}},
          "3": {"class_type": "LokiOutput", "inputs": {"name": "shout", "value": ["2", 0]}}
        }
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("loki-flowgen-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Regenerate_AuthoredFlow_DerivesConfigScriptAndNode()
    {
        // Given: a library with a LOKI node and a flow that uses it
        var flowDir = Library();

        // When
        var growth = Regenerator().Regenerate(flowDir);

        // Then
        Assert.False(growth.HasErrors, string.Join("\n", growth.Diagnostics));
        var config = File.ReadAllText(Path.Combine(flowDir, "shout.json"));
        Assert.Contains("\"title\"", config);
        Assert.Contains("\"shout\"", config);
        Assert.Contains("\"backend\": \"loki\"", config);
        Assert.Contains("g.node(\"LokiTextCase\"", File.ReadAllText(Path.Combine(flowDir, "shout.py")));
        Assert.Contains("make_flow_node", File.ReadAllText(Path.Combine(flowDir, "shout_node.py")));
    }

    [Fact]
    public void Regenerate_AuthoredConfigDisagreeingWithTheFlow_IsAnErrorNamingBothFiles()
    {
        var flowDir = Library();
        File.WriteAllText(Path.Combine(flowDir, "shout.json"), """{"inputs": {"words": {"type": "STRING"}}, "outputs": {"shout": {"type": "STRING"}}}""");

        var growth = Regenerator().Regenerate(flowDir);

        var error = Assert.Single(growth.Diagnostics, d => d.Code == LokiCodes.LayersDisagree);
        Assert.Contains("shout.json", error.Message);
        Assert.Contains("shout_workflow.json", error.Message);
    }

    [Fact]
    public void Convert_TheSameFlowTwice_IsConvertedOnce_UntilTheFlowOrTheLibraryChanges()
    {
        var flowDir = Library();
        var folder = Loki.Core.Nodes.NodeFolderReader.Read(flowDir, new DiagnosticBag())!;
        var flowPath = Path.Combine(flowDir, "shout_workflow.json");

        var first = FlowLayerGenerators.Convert(folder, flowPath, null, new DiagnosticBag());
        var again = FlowLayerGenerators.Convert(folder, flowPath, null, new DiagnosticBag());
        File.WriteAllText(flowPath, Flow.Replace("\"upper\"", "\"lower\"", StringComparison.Ordinal));
        var editedFlow = FlowLayerGenerators.Convert(folder, flowPath, null, new DiagnosticBag());
        var textCase = Path.Combine(_root, "nodes", "text_case", "text_case.json");
        File.WriteAllText(textCase, TextCaseConfig.Replace("\"lower\"]", "\"lower\", \"title\"]", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(textCase, DateTime.UtcNow.AddMinutes(1));
        var editedLibrary = FlowLayerGenerators.Convert(folder, flowPath, null, new DiagnosticBag());

        Assert.NotNull(first);
        Assert.Same(first, again);
        Assert.NotSame(first, editedFlow);
        Assert.Contains("\"lower\"", editedFlow!.Script, StringComparison.Ordinal);
        Assert.NotSame(editedFlow, editedLibrary);
        Assert.Equal(editedFlow.Script, editedLibrary!.Script);
    }

    private static NodeRegenerator Regenerator() => new(FlowLayerGenerators.All, [new ConfigInterfaceReader(), new FlowInterfaceReader()]);

    private string Library()
    {
        var nodes = Path.Combine(_root, "nodes");
        Directory.CreateDirectory(Path.Combine(nodes, "text_case"));
        File.WriteAllText(Path.Combine(nodes, "text_case", "text_case.json"), TextCaseConfig);
        var flowDir = Path.Combine(nodes, "shout");
        Directory.CreateDirectory(flowDir);
        File.WriteAllText(Path.Combine(flowDir, "shout_workflow.json"), Flow);
        return flowDir;
    }
}
