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
}
