using System.Globalization;
using System.Text.Json.Nodes;
using Loki.Core.Config;
using Loki.Core.Flows.Schemas;
using Loki.Core.Schemas;
using Loki.Core.Workflows.Layout;

namespace Loki.Core.Flows.Ui;

/// <summary>
/// Builds the LOKI Flow around one LOKI node: a UI workflow that opens cleanly in ComfyUI 0.3.64's frontend, with a
/// <c>LokiInput</c> marker per input (fed by <c>LoadImage</c>/<c>LoadImageMask</c> for images and masks), the node,
/// a <c>LokiOutput</c> marker per output, and a saver or preview per output so the flow also shows its result.
/// Laid out by <see cref="WorkflowLayout"/>: the frontend's node sizes, left to right, no two nodes overlapping.
/// </summary>
public static class NodeFlowBuilder
{
    /// <summary>The UI workflow around <paramref name="config"/>.</summary>
    /// <param name="config">The node's config layer.</param>
    /// <param name="markers">True for marker nodes (a flow with an explicit signature); false for loaders and savers only.</param>
    /// <remarks>The §6 header (<c>extra.loki</c>) is added when the file is written.</remarks>
    public static JsonObject Build(NodeConfig config, bool markers)
    {
        var ui = new UiGraphBuilder();
        var entry = LokiObjectInfo.Entry(config);
        var schema = ObjectInfoReader.Read(Loki.Core.Naming.NodeNames.ToMappingKey(config.NodeName), entry)!;

        // The node first, so its id is 1; the layout places the others around it.
        var nodeInputs = schema.Inputs.Select(i => (i.Name, i.Type, i.IsWidget)).ToList();
        var nodeWidgets = new JsonArray();
        foreach (var port in config.Inputs.Where(p => p.IsWidget))
        {
            nodeWidgets.Add(WidgetValue(port));
            if (schema.Input(port.Name)?.ControlAfterGenerate == true)
            {
                nodeWidgets.Add("fixed");
            }
        }

        var main = ui.Node(schema.ClassType, nodeInputs, config.Outputs.Select(o => (o.Name, o.Type)), nodeWidgets.Count > 0 ? nodeWidgets : null);

        foreach (var port in config.Inputs)
        {
            var loader = port.Type switch
            {
                PortTypes.Image => ui.Node("LoadImage", [], [("IMAGE", "IMAGE"), ("MASK", "MASK")], ["example.png", "image"]),
                PortTypes.Mask => ui.Node("LoadImageMask", [], [("MASK", "MASK")], ["example.png", "alpha", "image"]),
                _ => 0,
            };
            if (!markers)
            {
                if (loader != 0)
                {
                    ui.Link(loader, 0, main, port.Name);
                }

                continue;
            }

            var marker = ui.Node(FlowMarkers.Input, [("value", "*", false)], [("value", "*")], MarkerWidgets(port), title: "📥 " + port.Name);
            if (loader != 0)
            {
                ui.Link(loader, 0, marker, "value");
            }

            ui.Link(marker, 0, main, port.Name);
        }

        for (var k = 0; k < config.Outputs.Length; k++)
        {
            var port = config.Outputs[k];
            if (markers)
            {
                var marker = ui.Node(FlowMarkers.Output, [("value", "*", false)], [("value", "*")], [port.Name], title: "📤 " + port.Name);
                ui.Link(main, k, marker, "value");
            }

            var saver = port.Type switch
            {
                PortTypes.Image => ui.Node("SaveImage", [("images", "IMAGE", false)], [], [config.NodeName]),
                PortTypes.Mask => ui.Node("MaskPreview", [("mask", "MASK", false)], [], null),
                _ => ui.Node("PreviewAny", [("source", "*", false)], [], null),
            };
            ui.Link(main, k, saver, port.Type switch { PortTypes.Image => "images", PortTypes.Mask => "mask", _ => "source" });
        }

        var extra = new JsonObject
        {
            ["ds"] = new JsonObject { ["scale"] = 1, ["offset"] = new JsonArray(0, 0) },
        };
        var graph = ui.Build(extra);
        WorkflowLayout.Apply(graph, FlowLoader.WithLoki(SchemaSet.Catalogue, [config]));
        return graph;
    }

    private static JsonArray MarkerWidgets(PortSpec port) =>
    [
        port.Name,
        port.Type,
        port.Default is null ? string.Empty : port.Default is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : port.Default.ToJsonString(),
        port.Min is { } min ? min.ToString(CultureInfo.InvariantCulture) : string.Empty,
        port.Max is { } max ? max.ToString(CultureInfo.InvariantCulture) : string.Empty,
        port.Description ?? string.Empty,
    ];

    private static JsonNode? WidgetValue(PortSpec port) => port.Default?.DeepClone() ?? port.Type switch
    {
        PortTypes.Int => 0,
        PortTypes.Float => 0.0,
        PortTypes.Boolean => false,
        PortTypes.Combo => port.OptionsOrEmpty.FirstOrDefault() ?? string.Empty,
        _ => string.Empty,
    };
}
