using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace Loki.Core.Conversion.UiToApi;

/// <summary>
/// Widgets that core frontend extensions (1.27.10) add to some node classes and that reach the prompt although no
/// backend input matches them: the audio player, the any-preview text and the 3D preview image. The backend ignores
/// them; they are sent with an empty value, so a faithful conversion sends them too.
/// </summary>
internal static class FrontendWidgets
{
    private static readonly Dictionary<string, string[]> ByClass = new(StringComparer.Ordinal)
    {
        ["LoadAudio"] = ["audioUI"],
        ["SaveAudio"] = ["audioUI"],
        ["PreviewAudio"] = ["audioUI"],
        ["SaveAudioMP3"] = ["audioUI"],
        ["SaveAudioOpus"] = ["audioUI"],
        ["PreviewAny"] = ["preview"],
        ["SaveGLB"] = ["image"],
        ["Preview3D"] = ["image"],
        ["RecordAudio"] = ["audio"],
    };

    // Whether a definition has a remote refresh button, worked out once per definition (as WidgetLayout is).
    private static readonly ConditionalWeakTable<Loki.Core.Schemas.NodeSchema, StrongBox<bool>> HasRemoteRefresh = [];

    /// <summary>
    /// The refresh buttons of remote combos (<c>remote.refresh_button</c>, as on LoadImageOutput): a button widget named
    /// <c>refresh</c> whose value, <c>"refresh"</c>, graphToPrompt sends like any widget.
    /// </summary>
    public static void AddRemoteRefresh(Loki.Core.Schemas.NodeSchema schema, ConvertedPrompt inputs)
    {
        if (HasRemoteRefresh.GetValue(schema, s => new StrongBox<bool>(s.Inputs.Any(i => i.HasWidget && i.WidgetType == "COMBO" && i.Remote?["refresh_button"] is JsonValue b && b.TryGetValue(out bool on) && on))).Value)
        {
            inputs.Set(PromptInput.String("refresh", "refresh"));
        }
    }

    /// <summary>How many such widgets the frontend adds to a node of <paramref name="classType"/> (they follow its own in <c>widgets_values</c>).</summary>
    public static int CountFor(string classType) => ByClass.TryGetValue(classType, out var names) ? names.Length : 0;

    /// <summary>Adds the extra widgets of <paramref name="classType"/> to the entry <paramref name="inputs"/> began last.</summary>
    public static void AddTo(string classType, ConvertedPrompt inputs)
    {
        if (!ByClass.TryGetValue(classType, out var names))
        {
            return;
        }

        foreach (var name in names)
        {
            inputs.Set(PromptInput.String(name, string.Empty));
        }
    }

    /// <summary>Adds the extra widgets of <paramref name="classType"/> to <paramref name="inputs"/>.</summary>
    public static void AddTo(string classType, JsonObject inputs)
    {
        if (!ByClass.TryGetValue(classType, out var names))
        {
            return;
        }

        foreach (var name in names)
        {
            inputs[name] = JsonValue.Create(string.Empty);
        }
    }
}
