namespace Loki.Core.Nodes;

/// <summary>
/// The layer table of LOKI's node specification (<c>../shared/docs/loki-node-spec.md</c>): which files and folders
/// make each layer, and which layers the build may generate.
/// </summary>
public static class LayerCatalog
{
    /// <summary>Every layer definition, in the spec's order of growth where it has one.</summary>
    public static readonly IReadOnlyList<LayerDefinition> All =
    [
        new(NodeLayer.Requirements, LayerKind.Authored, ["{n}.md"], [], "requirements"),
        new(NodeLayer.Status, LayerKind.Authored, ["STATUS.md"], [], "status"),
        new(NodeLayer.Name, LayerKind.Authored, ["{n}_name.md"], [], "name"),
        new(NodeLayer.Config, LayerKind.Derived, ["{n}.json"], [], "config"),
        new(NodeLayer.Script, LayerKind.Functionality, ["{n}.py"], [], "LOKI Script"),
        new(NodeLayer.Init, LayerKind.Derived, ["__init__.py"], [], "initialization"),
        new(NodeLayer.Node, LayerKind.Functionality, ["{n}_node.py"], [], "LOKI Node"),
        new(NodeLayer.Flow, LayerKind.Functionality, ["{n}_workflow.json"], [], "LOKI Flow"),
        new(NodeLayer.Tests, LayerKind.Authored, ["{n}_test.py"], ["tests"], "tests"),
        new(NodeLayer.TestWorkflow, LayerKind.Authored, ["{n}_test_workflow.json"], [], "test workflow"),
        new(NodeLayer.PythonRequirements, LayerKind.Authored, ["requirements.txt"], [], "Python requirements"),
        new(NodeLayer.Sources, LayerKind.Authored, [], ["src"], "sources"),
        new(NodeLayer.Glamour, LayerKind.Authored, [], ["glamour"], "glamour"),
        new(NodeLayer.Context, LayerKind.Authored, ["CONTEXT.md"], ["context"], "context"),
        new(NodeLayer.Docs, LayerKind.Authored, ["README.md"], ["docs"], "documentation"),
        new(NodeLayer.JavaScript, LayerKind.Authored, ["{n}.js"], [], "JavaScript"),
        new(NodeLayer.Localization, LayerKind.Authored, [], ["localization"], "localization"),
        new(NodeLayer.Security, LayerKind.Authored, [], ["security"], "security"),
        new(NodeLayer.Output, LayerKind.Authored, [], ["output"], "output cache"),
    ];

    private static readonly Dictionary<NodeLayer, LayerDefinition> ByLayer = All.ToDictionary(d => d.Layer);

    /// <summary>The three functionality layers, in the order the build prefers them as a source.</summary>
    public static readonly IReadOnlyList<NodeLayer> Functionality = [NodeLayer.Script, NodeLayer.Node, NodeLayer.Flow];

    /// <summary>The definition of <paramref name="layer"/>.</summary>
    public static LayerDefinition Get(NodeLayer layer) => ByLayer[layer];

    /// <summary>The file LOKI writes for <paramref name="layer"/> of node <paramref name="nodeName"/>.</summary>
    public static string FileName(NodeLayer layer, string nodeName) =>
        Get(layer).PrimaryFile(nodeName) ?? throw new ArgumentException($"layer {layer} is a folder", nameof(layer));
}
