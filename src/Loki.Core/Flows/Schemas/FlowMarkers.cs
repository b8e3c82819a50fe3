using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Loki.Core.Flows.Schemas;

/// <summary>
/// The LOKI marker nodes that declare a flow's signature (contracts §2.3.1): <c>LokiInput</c> (widgets
/// <c>name, type, default, min, max, description</c>; optional input <c>value</c>) and <c>LokiOutput</c>
/// (widget <c>name</c>; input <c>value</c>).
/// </summary>
public static class FlowMarkers
{
    /// <summary>Class type of the input marker.</summary>
    public const string Input = "LokiInput";

    /// <summary>Class type of the output marker.</summary>
    public const string Output = "LokiOutput";

    /// <summary>The types the input marker's <c>type</c> widget offers (<c>*</c> = the type of what it feeds).</summary>
    public static readonly ImmutableArray<string> Types =
        ["*", "IMAGE", "MASK", "AUDIO", "LATENT", "INT", "FLOAT", "STRING", "BOOLEAN", "COMBO", "CONDITIONING", "MODEL", "CLIP", "VAE"];

    /// <summary>The widget names of <c>LokiInput</c>, in <c>widgets_values</c> order.</summary>
    public static readonly ImmutableArray<string> InputWidgets = ["name", "type", "default", "min", "max", "description"];

    /// <summary>The schema of <c>LokiInput</c>.</summary>
    public static readonly FlowNodeSchema InputSchema = new(
        Input,
        "🦊 LOKI Input",
        OutputNode: false,
        [
            Text("name", "input", required: true),
            new FlowInputSchema("type", "COMBO", true, Types, JsonValue.Create("*"), null, null, null, false, false, false, "The type of the input; * takes the type of what it feeds."),
            Text("default", string.Empty, required: true),
            Text("min", string.Empty, required: true),
            Text("max", string.Empty, required: true),
            Text("description", string.Empty, required: true),
            new FlowInputSchema("value", "*", false, [], null, null, null, null, false, false, false, "When linked, passed through instead of the default."),
        ],
        [new FlowOutputSchema("value", "*", false)],
        IsLoki: true);

    /// <summary>The schema of <c>LokiOutput</c>.</summary>
    public static readonly FlowNodeSchema OutputSchema = new(
        Output,
        "🦊 LOKI Output",
        OutputNode: true,
        [
            Text("name", "output", required: true),
            new FlowInputSchema("value", "*", true, [], null, null, null, null, false, false, false, "The value this flow returns under the output's name."),
        ],
        [],
        IsLoki: true);

    /// <summary>True for either marker class.</summary>
    public static bool IsMarker(string classType) => classType is Input or Output;

    private static FlowInputSchema Text(string name, string def, bool required) =>
        new(name, "STRING", required, [], JsonValue.Create(def), null, null, null, false, false, false, null);
}
