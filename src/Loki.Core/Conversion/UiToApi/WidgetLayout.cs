using System.Text.Json.Nodes;
using Loki.Core.Schemas;

namespace Loki.Core.Conversion.UiToApi;

/// <summary>
/// The widgets the 1.27.10 frontend builds for a node definition, in <c>widgets_values</c> order: each widget input
/// in definition order followed by its control widgets, then the synthetic upload button. Widgets the frontend never
/// serialises into <c>widgets_values</c> (the audio player) take no position; see <see cref="FrontendWidgets"/>.
/// </summary>
internal static class WidgetLayout
{
    private static readonly string[] UploadFlags = ["image_upload", "video_upload", "animated_image_upload"];

    /// <summary>
    /// The slot list of <paramref name="schema"/>: every node of a class has the same layout, built once per definition
    /// with the definition's other facts (<see cref="SchemaWidgetFacts.Layout"/>: one look-up serves both).
    /// </summary>
    public static IReadOnlyList<WidgetSlot> For(NodeSchema schema) => SchemaWidgetFacts.Of(schema).Layout;

    /// <summary>Builds the slot list of <paramref name="schema"/>, whose inputs' name keys are <paramref name="keys"/>.</summary>
    internal static WidgetSlot[] Build(NodeSchema schema, int[] keys)
    {
        var slots = new List<WidgetSlot>();
        for (var i = 0; i < schema.Inputs.Count; i++)
        {
            var input = schema.Inputs[i];
            if (!input.HasWidget)
            {
                continue;
            }

            slots.Add(new WidgetSlot(WidgetSlotKind.Value, input, keys[i]));
            var controls = input.ControlWidgetCount;
            if (controls >= 1)
            {
                slots.Add(new WidgetSlot(WidgetSlotKind.Control, input));
            }

            if (controls >= 2)
            {
                slots.Add(new WidgetSlot(WidgetSlotKind.Filter, input));
            }

            if (input.WidgetType == "COMBO" && input.Remote is { } remote)
            {
                // useRemoteWidget: an "Auto-refresh after generation" toggle (saved, never sent), then, when asked,
                // a "refresh" button (saved and sent; see FrontendWidgets.RemoteRefresh).
                slots.Add(new WidgetSlot(WidgetSlotKind.Upload, input));
                if (remote["refresh_button"] is JsonValue b && b.TryGetValue(out bool on) && on)
                {
                    slots.Add(new WidgetSlot(WidgetSlotKind.Upload, input));
                }
            }
        }

        var upload = schema.Inputs.FirstOrDefault(i => i.IsRequired && i.WidgetType == "COMBO" && UploadFlags.Any(i.Flag));
        if (upload is not null)
        {
            slots.Add(new WidgetSlot(WidgetSlotKind.Upload, upload));
        }

        var audio = schema.Inputs.FirstOrDefault(i => i.IsRequired && i.Name == "audio" && i.Flag("audio_upload"));
        if (audio is not null)
        {
            slots.Add(new WidgetSlot(WidgetSlotKind.Upload, audio));
        }

        return [.. slots];
    }
}
