namespace Loki.Core.Workflows.Layout;

/// <summary>
/// Widgets that core extensions of the 1.27.10 frontend add to some classes beyond their definition's inputs
/// (measured in the frontend: <c>computeSize</c> of each class as created from the node menu).
/// </summary>
internal static class FrontendExtraWidgets
{
    private static readonly Dictionary<string, WidgetKind[]> ByClass = new(StringComparer.Ordinal)
    {
        ["PreviewAny"] = [WidgetKind.Panel],           // the text preview of the value
        ["LoadAudio"] = [WidgetKind.Panel],            // the audio player
        ["SaveAudio"] = [WidgetKind.Panel],
        ["SaveAudioMP3"] = [WidgetKind.Panel],
        ["SaveAudioOpus"] = [WidgetKind.Panel],
        ["PreviewAudio"] = [WidgetKind.Panel],
        ["RecordAudio"] = [WidgetKind.Panel, WidgetKind.Row], // player and record button
        ["WebcamCapture"] = [WidgetKind.Panel],        // the camera view
        ["Load3D"] = [WidgetKind.Panel, WidgetKind.Row, WidgetKind.Row], // the 3D view, width and height
        ["Load3DAnimation"] = [WidgetKind.Panel, WidgetKind.Row, WidgetKind.Row],
        ["Preview3D"] = [WidgetKind.Panel],
        ["Preview3DAnimation"] = [WidgetKind.Panel],
        ["SaveGLB"] = [WidgetKind.Panel],
        ["LoadImageOutput"] = [WidgetKind.Row, WidgetKind.Row], // auto-refresh toggle and refresh button
    };

    /// <summary>The extra widgets of <paramref name="classType"/> (none for most classes).</summary>
    public static IReadOnlyList<WidgetKind> Of(string classType) => ByClass.GetValueOrDefault(classType) ?? [];
}
