using System.Collections.Immutable;

namespace Loki.Core.Flows.Schemas;

/// <summary>What the flow tools need to know about a node class: its sockets and widgets, in order.</summary>
/// <param name="ClassType">The class type.</param>
/// <param name="DisplayName">The display name, or null.</param>
/// <param name="OutputNode">True for output nodes (they save or show something).</param>
/// <param name="Inputs">Required then optional inputs, in widget order.</param>
/// <param name="Outputs">Outputs in order.</param>
/// <param name="IsLoki">True for a LOKI node of the library (or a LOKI marker).</param>
public sealed record FlowNodeSchema(
    string ClassType,
    string? DisplayName,
    bool OutputNode,
    ImmutableArray<FlowInputSchema> Inputs,
    ImmutableArray<FlowOutputSchema> Outputs,
    bool IsLoki = false)
{
    /// <summary>The input named <paramref name="name"/>, or null.</summary>
    public FlowInputSchema? Input(string name) => Inputs.FirstOrDefault(i => i.Name == name);
}

/// <summary>One declared input of a node class.</summary>
/// <param name="Name">The input name.</param>
/// <param name="Type">Upper-case type; <c>COMBO</c> when the spec is a list of options.</param>
/// <param name="Required">False for inputs of the <c>optional</c> section.</param>
/// <param name="Options">Combo options, or empty.</param>
/// <param name="Default">The declared default, or null.</param>
/// <param name="Min">Declared minimum.</param>
/// <param name="Max">Declared maximum.</param>
/// <param name="Step">Declared step.</param>
/// <param name="ControlAfterGenerate">True when the widget has a <c>control_after_generate</c> companion (seeds).</param>
/// <param name="Multiline">True for a multi-line text box.</param>
/// <param name="DynamicPrompts">True for prompt text (<c>dynamicPrompts</c>).</param>
/// <param name="Tooltip">The tooltip, or null.</param>
public sealed record FlowInputSchema(
    string Name,
    string Type,
    bool Required,
    ImmutableArray<string> Options,
    System.Text.Json.Nodes.JsonNode? Default,
    double? Min,
    double? Max,
    double? Step,
    bool ControlAfterGenerate,
    bool Multiline,
    bool DynamicPrompts,
    string? Tooltip)
{
    /// <summary>True for widget types (values typed into the node), false for sockets (<c>IMAGE</c>, <c>MODEL</c>…).</summary>
    public bool IsWidget => Loki.Core.Config.PortTypes.IsWidgetType(Type);
}

/// <summary>One output of a node class.</summary>
/// <param name="Name">The output name (<c>RETURN_NAMES</c>).</param>
/// <param name="Type">The output type.</param>
/// <param name="IsList">True when the output is a list (<c>OUTPUT_IS_LIST</c>).</param>
public sealed record FlowOutputSchema(string Name, string Type, bool IsList);
