using System.Text.Json;
using System.Text.Json.Nodes;
using Loki.Core.Flows;
using Loki.Core.Flows.Schemas;

namespace Loki.Core.Composition;

/// <summary>
/// The names a composite's ports take in its flow's interface. A flow reads each <c>LokiInput</c>/<c>LokiOutput</c>
/// marker's name as a Python identifier in snake case (<c>N</c> becomes <c>n</c>), while the composite script and its
/// config keep the names of the code; the proof calls the flow through this map so that both get the same values.
/// </summary>
public static class FlowInterfaceNames
{
    /// <summary><c>{"inputs": {marker name: flow input}, "outputs": {marker name: flow output}}</c> of <paramref name="document"/>.</summary>
    public static JsonObject Of(FlowDocument document)
    {
        var inputs = new JsonObject();
        foreach (var port in document.Interface.Inputs)
        {
            if (port.Bindings.FirstOrDefault(b => b.Input is null) is { } marker && MarkerName(document, marker.NodeId) is { } raw)
            {
                inputs[raw] = port.Name;
            }
        }

        var outputs = new JsonObject();
        foreach (var port in document.Interface.Outputs)
        {
            if (port.ReplacesNode is { } id && MarkerName(document, id) is { } raw)
            {
                outputs[raw] = port.Name;
            }
        }

        return new JsonObject { ["inputs"] = inputs, ["outputs"] = outputs };
    }

    private static string? MarkerName(FlowDocument document, string nodeId) =>
        document.Graph.Node(nodeId) is { } node && FlowMarkers.IsMarker(node.ClassType)
        && node.Input("name")?.Constant is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : null;
}
