using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Loki.Core.Config;

/// <summary>
/// One input or output of a LOKI node, as declared in its config layer (<c>&lt;n&gt;.json</c>). This is the
/// lingua franca of LOKI Build: scripts, nodes, flows and the typed C# API are all generated from it.
/// </summary>
/// <param name="Name">The port name: a Python identifier (<c>positive_prompt</c>).</param>
/// <param name="Type">The ComfyUI type, upper case: <c>IMAGE</c>, <c>MASK</c>, <c>INT</c>, <c>FLOAT</c>, <c>STRING</c>,
/// <c>BOOLEAN</c>, <c>COMBO</c>, or any opaque type such as <c>LATENT</c>, <c>MODEL</c>, or <c>*</c>.</param>
/// <param name="Description">One sentence for tooltips and <c>--help</c>.</param>
/// <param name="Required">False for optional inputs (ComfyUI's <c>optional</c> section). Outputs are always required.</param>
/// <param name="Default">The default value, as JSON; null when there is none.</param>
/// <param name="Min">Lower bound of an INT or FLOAT.</param>
/// <param name="Max">Upper bound of an INT or FLOAT.</param>
/// <param name="Step">Step of an INT or FLOAT widget.</param>
/// <param name="Options">The choices of a COMBO, in order.</param>
/// <param name="Multiline">For STRING: a multi-line text box.</param>
/// <param name="Extra">Fields LOKI does not interpret, kept so that a read/write round trip loses nothing.</param>
public sealed record PortSpec(
    string Name,
    string Type,
    string? Description = null,
    bool Required = true,
    JsonNode? Default = null,
    double? Min = null,
    double? Max = null,
    double? Step = null,
    ImmutableArray<string> Options = default,
    bool Multiline = false,
    JsonObject? Extra = null)
{
    /// <summary>The COMBO options, never default.</summary>
    public ImmutableArray<string> OptionsOrEmpty => Options.IsDefault ? [] : Options;

    /// <summary>True for the types a LOKI Script exchanges as files (images, masks, audio, video).</summary>
    public bool IsFile => PortTypes.IsFileType(Type);

    /// <summary>True for INT, FLOAT, STRING, BOOLEAN and COMBO: values a widget edits.</summary>
    public bool IsWidget => PortTypes.IsWidgetType(Type);
}
