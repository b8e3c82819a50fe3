using System.Text.Json.Nodes;

namespace Loki.Core.Schemas;

/// <summary>
/// One node definition from <c>/object_info</c>. <see cref="Inputs"/> is in the frontend's widget order:
/// <c>input_order.required</c>, then <c>input_order.optional</c>, then any input not listed there, each section in
/// the key order of the dump as read (never re-sorted: the order decides which <c>widgets_values</c> slot is which).
/// </summary>
/// <param name="ClassType">The node class (<c>class_type</c>).</param>
/// <param name="DisplayName">The display name, or null.</param>
/// <param name="Inputs">Required and optional inputs in widget order (hidden inputs excluded).</param>
/// <param name="Outputs">The outputs in slot order.</param>
/// <param name="IsOutputNode">The <c>output_node</c> flag.</param>
/// <param name="Raw">The definition as read.</param>
public sealed record NodeSchema(
    string ClassType,
    string? DisplayName,
    IReadOnlyList<InputSpec> Inputs,
    IReadOnlyList<OutputSpec> Outputs,
    bool IsOutputNode,
    JsonObject Raw)
{
    // The parameter's tree, or (a schema read from a dump) the element it is made from on first use.
    private readonly RawDefinition _raw = new(Raw);

    /// <summary>A schema whose <see cref="Raw"/> is made from <paramref name="raw"/> when first asked for.</summary>
    internal NodeSchema(string classType, string? displayName, IReadOnlyList<InputSpec> inputs, IReadOnlyList<OutputSpec> outputs, bool isOutputNode, RawDefinition raw)
        : this(classType, displayName, inputs, outputs, isOutputNode, Placeholder)
    {
        _raw = raw;
    }

    /// <summary>The definition as read (made from the parsed text on first use when the schema was read from a dump).</summary>
    public JsonObject Raw
    {
        get => _raw.Node;
        init => _raw = new RawDefinition(value);
    }

    /// <summary>The definition written as <see cref="System.Text.Json.Nodes.JsonNode.ToJsonString"/> writes <see cref="Raw"/>, kept (ranking compares it).</summary>
    internal string RawText => _raw.Text();

    /// <summary>True when this schema and <paramref name="other"/> share one definition (copies made with <c>with</c>).</summary>
    internal bool SameRaw(NodeSchema other) => ReferenceEquals(_raw, other._raw);

    /// <summary>True when <see cref="RawText"/> of both is the same (worked out without writing either where it can).</summary>
    internal bool SameJson(NodeSchema other) => SameRaw(other) || _raw.SameJson(other._raw);

    /// <summary>The input called <paramref name="name"/>, or null.</summary>
    public InputSpec? Input(string name)
    {
        foreach (var input in Inputs)
        {
            if (input.Name == name)
            {
                return input;
            }
        }

        return null;
    }

    /// <summary>Where the definition came from (the dump and its ComfyUI version); null when built in memory.</summary>
    public SchemaOrigin? Origin { get; init; }

    /// <summary>The <c>display_name</c>, falling back to the class type, as the frontend titles a node.</summary>
    public string Title => string.IsNullOrEmpty(DisplayName) ? ClassType : DisplayName;

    // Stands in for the tree in the internal constructor, which replaces it at once (never seen outside).
    private static readonly JsonObject Placeholder = [];
}
