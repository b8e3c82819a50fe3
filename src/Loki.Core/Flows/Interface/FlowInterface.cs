using System.Collections.Immutable;

namespace Loki.Core.Flows.Interface;

/// <summary>The signature of a flow: its named inputs and outputs, and how they were found.</summary>
/// <param name="Source">Which rule found them; <see cref="FlowInterfaceSource.Inferred"/> asks the user to confirm.</param>
/// <param name="Inputs">Inputs in signature order.</param>
/// <param name="Outputs">Outputs in signature order.</param>
public sealed record FlowInterface(FlowInterfaceSource Source, ImmutableArray<FlowInputPort> Inputs, ImmutableArray<FlowOutputPort> Outputs);

/// <summary>How a flow's signature was found, in the order the detector tries.</summary>
public enum FlowInterfaceSource
{
    /// <summary>Explicit <c>LokiInput</c>/<c>LokiOutput</c> marker nodes.</summary>
    Markers,

    /// <summary>App Mode's <c>extra.linearData</c>.</summary>
    AppMode,

    /// <summary>The I/O of the one subgraph the flow consists of.</summary>
    Subgraph,

    /// <summary>A rule of thumb over a plain workflow; to be confirmed by the user.</summary>
    Inferred,
}

/// <summary>Where a flow input's value goes in the API prompt.</summary>
/// <param name="NodeId">The inner node.</param>
/// <param name="Input">Set this input of the node to the value (null when the value replaces an output).</param>
/// <param name="Output">Replace every link from this output of the node by the value, and drop the node (markers, loaders).</param>
public sealed record FlowBinding(string NodeId, string? Input, int? Output = null);

/// <summary>One input of a flow.</summary>
/// <param name="Name">A readable, unique Python identifier (<c>positive_prompt</c>).</param>
/// <param name="Type">Its type (<c>IMAGE</c>, <c>INT</c>, <c>COMBO</c>, …).</param>
/// <param name="Default">The default (the value the workflow holds), or null when the input is required.</param>
/// <param name="Min">Lower bound, when known.</param>
/// <param name="Max">Upper bound, when known.</param>
/// <param name="Step">Step, when known.</param>
/// <param name="Options">Combo options, or empty.</param>
/// <param name="Description">One line for <c>--help</c>, or null.</param>
/// <param name="Multiline">True for prompt texts and other multi-line strings.</param>
/// <param name="Control">For seeds: <c>fixed</c>, <c>increment</c>, <c>decrement</c> or <c>randomize</c>.</param>
/// <param name="Bindings">Where the value goes.</param>
public sealed record FlowInputPort(
    string Name,
    string Type,
    System.Text.Json.Nodes.JsonNode? Default,
    double? Min,
    double? Max,
    double? Step,
    ImmutableArray<string> Options,
    string? Description,
    bool Multiline,
    string? Control,
    ImmutableArray<FlowBinding> Bindings)
{
    /// <summary>True when the caller must give a value.</summary>
    public bool Required => Default is null;
}

/// <summary>One output of a flow.</summary>
/// <param name="Name">A readable, unique Python identifier (<c>image</c>).</param>
/// <param name="Type">Its type.</param>
/// <param name="Source">The link whose value is the output.</param>
/// <param name="Description">One line, or null.</param>
/// <param name="ReplacesNode">The Save/Preview/marker node this output stands for (left out of scripts), or null.</param>
public sealed record FlowOutputPort(string Name, string Type, FlowLink Source, string? Description = null, string? ReplacesNode = null);
