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

        // The node first, so its id is 1; the layout places the others around it.
        var main = LokiNode(ui, config);

        foreach (var port in config.Inputs)
        {
            if (markers)
            {
                ui.Link(InputMarker(ui, port), 0, main, port.Name);
            }
            else if (Loader(ui, port) is var loader and not 0)
            {
                ui.Link(loader, 0, main, port.Name);
            }
        }

        for (var k = 0; k < config.Outputs.Length; k++)
        {
            OutputMarker(ui, config.NodeName, config.Outputs[k], main, k, markers);
        }

        var extra = new JsonObject
        {
            ["ds"] = new JsonObject { ["scale"] = 1, ["offset"] = new JsonArray(0, 0) },
        };
        var graph = ui.Build(extra);
        WorkflowLayout.Apply(graph, FlowLoader.WithLoki(SchemaSet.Catalogue, [config]));
        return graph;
    }

    /// <summary>
    /// Adds the LOKI node of <paramref name="config"/>; returns its id. Widgets show <paramref name="values"/> where
    /// given, else their defaults (a seed gets its <c>control_after_generate</c> companion, <c>fixed</c>).
    /// </summary>
    internal static int LokiNode(UiGraphBuilder ui, NodeConfig config, IReadOnlyDictionary<string, JsonNode?>? values = null, string? title = null)
    {
        var schema = ObjectInfoReader.Read(Loki.Core.Naming.NodeNames.ToMappingKey(config.NodeName), LokiObjectInfo.Entry(config))!;
        var nodeInputs = schema.Inputs.Select(i => (i.Name, i.Type, i.IsWidget)).ToList();
        var nodeWidgets = new JsonArray();
        foreach (var port in config.Inputs.Where(p => p.IsWidget))
        {
            nodeWidgets.Add(values is not null && values.TryGetValue(port.Name, out var value) ? value?.DeepClone() : WidgetValue(port));
            if (schema.Input(port.Name)?.ControlAfterGenerate == true)
            {
                nodeWidgets.Add("fixed");
            }
        }

        return ui.Node(schema.ClassType, nodeInputs, config.Outputs.Select(o => (o.Name, o.Type)), nodeWidgets.Count > 0 ? nodeWidgets : null, title);
    }

    /// <summary>
    /// Adds the <c>LokiInput</c> marker of <paramref name="port"/> (fed by a loader for images and masks); returns the
    /// marker's id, whose output 0 is the input's value.
    /// </summary>
    internal static int InputMarker(UiGraphBuilder ui, PortSpec port)
    {
        var loader = Loader(ui, port);
        var marker = ui.Node(FlowMarkers.Input, [("value", "*", false)], [("value", "*")], MarkerWidgets(port), title: "📥 " + port.Name);
        if (loader != 0)
        {
            ui.Link(loader, 0, marker, "value");
        }

        return marker;
    }

    /// <summary>
    /// Shows output <paramref name="slot"/> of node <paramref name="from"/> as the flow's output <paramref name="port"/>:
    /// a <c>LokiOutput</c> marker (when <paramref name="marker"/>) and a saver or preview.
    /// </summary>
    internal static void OutputMarker(UiGraphBuilder ui, string nodeName, PortSpec port, int from, int slot, bool marker = true)
    {
        if (marker)
        {
            var id = ui.Node(FlowMarkers.Output, [("value", "*", false)], [("value", "*")], [port.Name], title: "📤 " + port.Name);
            ui.Link(from, slot, id, "value");
        }

        var saver = port.Type switch
        {
            PortTypes.Image => ui.Node("SaveImage", [("images", "IMAGE", false)], [], [nodeName]),
            PortTypes.Mask => ui.Node("MaskPreview", [("mask", "MASK", false)], [], null),
            _ => ui.Node("PreviewAny", [("source", "*", false)], [], null),
        };
        ui.Link(from, slot, saver, port.Type switch { PortTypes.Image => "images", PortTypes.Mask => "mask", _ => "source" });
    }

    /// <summary>The widget value a node shows for <paramref name="port"/> when nothing sets it: its default.</summary>
    internal static JsonNode? WidgetValue(PortSpec port) => port.Default?.DeepClone() ?? port.Type switch
    {
        PortTypes.Int => 0,
        PortTypes.Float => 0.0,
        PortTypes.Boolean => false,
        PortTypes.Combo => port.OptionsOrEmpty.FirstOrDefault() ?? string.Empty,
        _ => string.Empty,
    };

    private static int Loader(UiGraphBuilder ui, PortSpec port) => port.Type switch
    {
        PortTypes.Image => ui.Node("LoadImage", [], [("IMAGE", "IMAGE"), ("MASK", "MASK")], ["example.png", "image"]),
        PortTypes.Mask => ui.Node("LoadImageMask", [], [("MASK", "MASK")], ["example.png", "alpha", "image"]),
        _ => 0,
    };

    private static JsonArray MarkerWidgets(PortSpec port) =>
    [
        port.Name,
        port.Type,
        port.Default is null ? string.Empty : port.Default is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : port.Default.ToJsonString(),
        port.Min is { } min ? min.ToString(CultureInfo.InvariantCulture) : string.Empty,
        port.Max is { } max ? max.ToString(CultureInfo.InvariantCulture) : string.Empty,
        port.Description ?? string.Empty,
    ];
}
