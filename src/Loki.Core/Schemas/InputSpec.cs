using System.Text.Json;
using System.Text.Json.Nodes;

namespace Loki.Core.Schemas;

/// <summary>
/// One input of a node definition, as <c>/object_info</c> declares it: <c>"name": [TYPE, {options}]</c>, or
/// <c>"name": [["a", "b"], {options}]</c> for a V1 combo.
/// </summary>
/// <param name="Name">The input name (the key in <c>inputs</c> of an API prompt).</param>
/// <param name="Type">The declared type; <c>COMBO</c> for a V1 list of choices.</param>
/// <param name="Options">The options object (<c>default</c>, <c>min</c>, <c>control_after_generate</c>, ...), or null.</param>
/// <param name="Choices">The choices of a combo (V1 list or V3 <c>options</c>), or null.</param>
/// <param name="Section">Where it was declared: <c>required</c>, <c>optional</c> or <c>hidden</c>.</param>
public sealed record InputSpec(string Name, string Type, JsonObject? Options, JsonArray? Choices, string Section)
{
    /// <summary>The widget types the 1.27.10 frontend can build (core widgets plus core extension widgets).</summary>
    private static readonly HashSet<string> WidgetTypes = new(StringComparer.Ordinal)
    {
        "INT", "FLOAT", "BOOLEAN", "STRING", "MARKDOWN", "COMBO", "IMAGEUPLOAD", "FILEUPLOAD", "COLOR",
        "IMAGECOMPARE", "TREESELECT", "MULTISELECT", "CHART", "GALLERIA", "SELECTBUTTON", "TEXTAREA",
        "WEBCAM", "LOAD_3D", "LOAD_3D_ANIMATION", "PREVIEW_3D", "PREVIEW_3D_ANIMATION", "AUDIO_UI", "AUDIOUPLOAD",
    };

    /// <summary>The control widgets a widget of <paramref name="widgetType"/> gets when control is on.</summary>
    public static int ControlsOf(string widgetType) => widgetType switch
    {
        "INT" => 1,
        "COMBO" => 2,
        _ => 0,
    };

    /// <summary>The <c>remote</c> option of a combo whose choices the frontend fetches from the server, or null.</summary>
    public JsonObject? Remote => Options?["remote"] as JsonObject;

    /// <summary>True when declared under <c>required</c>.</summary>
    public bool IsRequired => Section == "required";

    // Read once: every node of the class asks again, and a definition is not changed once parsed.
    private readonly Derived _derived = new();

    /// <summary>The widget type the frontend builds: <c>widgetType</c> when given, else <see cref="Type"/>.</summary>
    public string WidgetType => _derived.WidgetType ??= Text(Options?["widgetType"]) ?? Type;

    /// <summary>True when the frontend shows this input as a widget (and so gives it a <c>widgets_values</c> slot).</summary>
    public bool HasWidget => _derived.HasWidget ??= Section != "hidden" && !Flag("forceInput") && WidgetTypes.Contains(WidgetType);

    /// <summary>The <c>default</c> option, or null.</summary>
    public JsonNode? Default => Options?["default"];

    /// <summary>Reads a boolean option; a missing or non-boolean option is false.</summary>
    public bool Flag(string name) => Options?[name] is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    /// <summary>
    /// The number of control widgets the 1.27.10 frontend adds after this input's widget: an INT widget gets one when
    /// <c>control_after_generate</c> says so, or, when the option is absent (older dumps), when it is named
    /// <c>seed</c> or <c>noise_seed</c>; a COMBO gets two (mode and filter) when flagged; a FLOAT widget never gets any
    /// (<c>useFloatWidget</c> ignores the flag).
    /// </summary>
    public int ControlWidgetCount
    {
        get
        {
            if (!HasWidget)
            {
                return 0;
            }

            var control = Options?["control_after_generate"];
            var on = control is JsonValue v
                ? v.GetValueKind() == JsonValueKind.True || Text(v) is { Length: > 0 }
                : control is null && Type == "INT" && Name is "seed" or "noise_seed";
            if (!on)
            {
                return 0;
            }

            return ControlsOf(WidgetType);
        }
    }

    // A string option's text, or null. Asked through the value's kind, not TryGetValue<string>: in the native CLI the first
    // call of each instantiation of that generic virtual method is a slow run-time look-up (~0.15 ms, issue 10), and
    // only the runs that weigh a class's definitions against each other made some of them.
    private static string? Text(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.ToString() : null;

    /// <summary>What is worked out from the options on first use; equal to any other, so records still compare by their fields.</summary>
    private sealed class Derived
    {
        public string? WidgetType;
        public bool? HasWidget;

        public override bool Equals(object? obj) => obj is Derived;

        public override int GetHashCode() => 0;
    }
}
