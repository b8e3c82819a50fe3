using System.Text.Json.Nodes;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Schemas;

namespace Loki.Core.Workflows.Layout;

/// <summary>
/// Reads the <see cref="NodeShape"/> of a UI node: with its definition, the widgets the frontend builds for it
/// (<see cref="WidgetLayout"/>: values, controls, upload buttons) and every widget input slot; without one, what the
/// saved node shows (its sockets and <c>widgets_values</c>).
/// </summary>
public static class NodeShapeReader
{
    private static readonly HashSet<string> TextBoxTypes = new(StringComparer.Ordinal) { "MARKDOWN", "TEXTAREA" };
    private static readonly string[] UploadFlags = ["image_upload", "animated_image_upload"];
    private const string UploadLabel = "choose file to upload";

    /// <summary>The shape of <paramref name="node"/> (a UI node object), using <paramref name="schemas"/> for its type.</summary>
    public static NodeShape Read(JsonObject node, SchemaSet schemas)
    {
        var type = JsonRead.String(node["type"]) ?? string.Empty;
        var schema = schemas.Find(type);
        var title = JsonRead.String(node["title"]) ?? (schema is null ? type : DefaultTitle(schema));
        var saved = (node["inputs"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var outputs = (node["outputs"] as JsonArray ?? []).OfType<JsonObject>().Select(Label).ToList();
        return schema is null ? WithoutSchema(title, saved, outputs, node["widgets_values"]) : WithSchema(title, schema, saved, outputs);
    }

    private static NodeShape WithSchema(string title, NodeSchema schema, List<JsonObject> saved, List<string> outputs)
    {
        var widgetInputs = schema.Inputs.Where(i => i.HasWidget).ToList();
        var widgetNames = widgetInputs.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);

        // Sockets: the definition's, plus any the saved node adds (a socket a link needed, an old converted widget).
        var sockets = schema.Inputs.Where(i => !i.HasWidget).Select(i => LabelOf(i)).ToList();
        var known = schema.Inputs.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        sockets.AddRange(saved.Where(s => s["widget"] is null && !known.Contains(JsonRead.String(s["name"]) ?? string.Empty)).Select(Label));
        if (outputs.Count == 0)
        {
            outputs = schema.Outputs.Select(o => o.Name).ToList();
        }

        var slots = WidgetLayout.For(schema);
        var widgets = slots.Select(slot => slot.Kind == WidgetSlotKind.Value && IsTextBox(slot.Input!) ? WidgetKind.TextBox : WidgetKind.Row)
            .Concat(FrontendExtraWidgets.Of(schema.ClassType)).ToList();
        var labels = widgetInputs.Select(LabelOf).ToList();
        if (slots.Any(s => s.Kind == WidgetSlotKind.Upload))
        {
            labels.Add(UploadLabel); // the upload button's slot is labelled with its text
        }

        var preview = schema.Inputs.Any(i => widgetNames.Contains(i.Name) && UploadFlags.Any(i.Flag))
            || (schema.IsOutputNode && schema.Inputs.Any(i => !i.HasWidget && i.Type is "IMAGE" or "MASK"));
        return new NodeShape(title, sockets, labels, outputs, widgets, preview);
    }

    private static NodeShape WithoutSchema(string title, List<JsonObject> saved, List<string> outputs, JsonNode? values)
    {
        var sockets = saved.Where(s => s["widget"] is null).Select(Label).ToList();
        var widgetInputs = saved.Where(s => s["widget"] is not null).Select(Label).ToList();
        var count = values switch
        {
            JsonArray a => a.Count,
            JsonObject o => o.Count,
            _ => 0,
        };
        var widgets = Enumerable.Repeat(WidgetKind.Row, Math.Max(count, widgetInputs.Count)).ToList();
        return new NodeShape(title, sockets, widgetInputs, outputs, widgets, ImagePreview: false);
    }

    /// <summary>
    /// The title the frontend shows for a node without its own: the definition's display name. A LOKI library node's
    /// display name (<c>"&lt;emojis&gt; &lt;Official Name&gt; (LOKI)"</c>, from its name layer) is not in its config, so
    /// it is bounded by two emojis and its name in title case.
    /// </summary>
    private static string DefaultTitle(NodeSchema schema)
    {
        if (schema.Raw["loki"] is JsonValue v && v.TryGetValue(out bool loki) && loki && !string.IsNullOrEmpty(schema.DisplayName) && !schema.DisplayName.EndsWith("(LOKI)", StringComparison.Ordinal))
        {
            return $"🦊🦊 {Loki.Core.Naming.NodeNames.ToTitle(schema.DisplayName)} (LOKI)";
        }

        return schema.Title;
    }

    private static bool IsTextBox(InputSpec input) =>
        TextBoxTypes.Contains(input.WidgetType) || (input.WidgetType == "STRING" && input.Flag("multiline"));

    /// <summary>The wider of the input's name and display name: the frontend shows one of them.</summary>
    private static string LabelOf(InputSpec input) =>
        input.Options?["display_name"] is JsonValue v && v.TryGetValue(out string? shown) && ArialMetrics.Width(shown, 1) > ArialMetrics.Width(input.Name, 1) ? shown : input.Name;

    private static string Label(JsonObject slot) =>
        JsonRead.String(slot["label"]) ?? JsonRead.String(slot["localized_name"]) ?? JsonRead.String(slot["name"]) ?? string.Empty;
}
