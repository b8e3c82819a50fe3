using System.Globalization;
using System.Text.Json.Nodes;
using Loki.Core.Config;
using Loki.Core.Flows.Schemas;

namespace Loki.Core.Flows.Ui;

/// <summary>
/// Builds the LOKI Flow around one LOKI node: a UI workflow that opens cleanly in ComfyUI 0.3.64's frontend, with a
/// <c>LokiInput</c> marker per input (fed by <c>LoadImage</c>/<c>LoadImageMask</c> for images and masks), the node,
/// a <c>LokiOutput</c> marker per output, and a saver or preview per output so the flow also shows its result.
/// Laid out in columns, left to right, so no two nodes overlap.
/// </summary>
public static class NodeFlowBuilder
{
    private const double ColumnWidth = 380;
    private const double Gap = 40;

    /// <summary>The UI workflow around <paramref name="config"/>.</summary>
    /// <param name="config">The node's config layer.</param>
    /// <param name="markers">True for marker nodes (a flow with an explicit signature); false for loaders and savers only.</param>
    /// <remarks>The §6 header (<c>extra.loki</c>) is added when the file is written.</remarks>
    public static JsonObject Build(NodeConfig config, bool markers)
    {
        var ui = new UiGraphBuilder();
        var columns = new double[5];
        var entry = LokiObjectInfo.Entry(config);
        var schema = ObjectInfoReader.Read(Loki.Core.Naming.NodeNames.ToMappingKey(config.NodeName), entry)!;

        int Place(int column, string type, double width, double height, IEnumerable<(string, string, bool)> inputs, IEnumerable<(string, string)> outputs, JsonArray? widgets, string? title = null)
        {
            var id = ui.Node(type, column * ColumnWidth, columns[column], width, height, inputs, outputs, widgets, title);
            columns[column] += height + Gap;
            return id;
        }

        // The node first, so its id is 1 and its column sets the pace; the others are placed around it.
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

        var sockets = nodeInputs.Count(i => !i.IsWidget);
        var main = Place(2, schema.ClassType, 340, Height(sockets + (markers ? 0 : 0), config.Inputs.Count(p => p.IsWidget), config.Outputs.Length),
            nodeInputs, config.Outputs.Select(o => (o.Name, o.Type)), nodeWidgets.Count > 0 ? nodeWidgets : null);

        foreach (var port in config.Inputs)
        {
            var loader = port.Type switch
            {
                PortTypes.Image => Place(0, "LoadImage", 315, 314, [], [("IMAGE", "IMAGE"), ("MASK", "MASK")], ["example.png", "image"]),
                PortTypes.Mask => Place(0, "LoadImageMask", 315, 340, [], [("MASK", "MASK")], ["example.png", "alpha", "image"]),
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

            var marker = Place(1, FlowMarkers.Input, 315, Height(1, 6, 1), [("value", "*", false)], [("value", "*")], MarkerWidgets(port), title: "📥 " + port.Name);
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
                var marker = Place(3, FlowMarkers.Output, 315, Height(1, 1, 1), [("value", "*", false)], [("value", "*")], [port.Name], title: "📤 " + port.Name);
                ui.Link(main, k, marker, "value");
            }

            var saver = port.Type switch
            {
                PortTypes.Image => Place(4, "SaveImage", 315, 270, [("images", "IMAGE", false)], [], [config.NodeName]),
                PortTypes.Mask => Place(4, "MaskPreview", 315, 270, [("mask", "MASK", false)], [], null),
                _ => Place(4, "PreviewAny", 315, 150, [("source", "*", false)], [], null),
            };
            ui.Link(main, k, saver, port.Type switch { PortTypes.Image => "images", PortTypes.Mask => "mask", _ => "source" });
        }

        var extra = new JsonObject
        {
            ["ds"] = new JsonObject { ["scale"] = 1, ["offset"] = new JsonArray(0, 0) },
        };
        return ui.Build(extra);
    }

    private static double Height(int sockets, int widgets, int outputs) => 30 + (22 * Math.Max(sockets, outputs)) + (26 * widgets) + 12;

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
