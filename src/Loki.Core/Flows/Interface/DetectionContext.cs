using Loki.Core.Diagnostics;
using Loki.Core.Flows.Schemas;

namespace Loki.Core.Flows.Interface;

/// <summary>What every detection rule reads: the graph, the schemas, and where to report.</summary>
internal sealed record DetectionContext(FlowGraph Graph, FlowSchemaCatalog Schemas, DiagnosticBag Diagnostics)
{
    /// <summary>True when the node's title is its own (not its class or display name).</summary>
    public bool HasCustomTitle(FlowNode node) =>
        !string.IsNullOrWhiteSpace(node.Title) && node.Title != node.ClassType && node.Title != Schemas.Find(node.ClassType)?.DisplayName;

    /// <summary>The type of the value on <paramref name="link"/>, or <c>*</c>.</summary>
    public string OutputType(FlowLink link)
    {
        var source = Graph.Node(link.NodeId);
        var outputs = source is null ? null : Schemas.Find(source.ClassType)?.Outputs;
        return outputs is { } o && link.Slot < o.Length ? o[link.Slot].Type : "*";
    }

    /// <summary>A readable name for the value on <paramref name="link"/>: its output name (<c>IMAGE</c> → <c>image</c>).</summary>
    public string OutputBaseName(FlowLink link)
    {
        var source = Graph.Node(link.NodeId);
        var outputs = source is null ? null : Schemas.Find(source.ClassType)?.Outputs;
        if (source is not null && FlowMarkers.IsMarker(source.ClassType) && source.Input("name")?.Constant?.ToString() is { Length: > 0 } markerName)
        {
            return PythonNames.Snake(markerName);
        }

        return outputs is { } o && link.Slot < o.Length ? PythonNames.Snake(o[link.Slot].Name) : "output";
    }
}
