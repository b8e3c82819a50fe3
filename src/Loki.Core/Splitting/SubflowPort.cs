using System.Text.Json.Nodes;

namespace Loki.Core.Splitting;

/// <summary>One value crossing a sub-flow's border: a <c>LokiInput</c> or <c>LokiOutput</c> marker of its flow.</summary>
/// <param name="Name">The port name (a Python identifier, unique among the flow's inputs or outputs).</param>
/// <param name="Type">The socket or widget type (<c>MODEL</c>, <c>CONDITIONING</c>, <c>INT</c>, <c>COMBO</c>...).</param>
/// <param name="Node">Inputs: the inner node the value feeds first; outputs: the inner node it comes from.</param>
/// <param name="Slot">Outputs: the inner node's output slot; inputs: -1.</param>
/// <param name="Input">Parameters: the inner node input the value sets; sockets: null.</param>
/// <param name="Default">Parameters: the value of the first instance (the flow's default); sockets: null.</param>
public sealed record SubflowPort(string Name, string Type, string Node, int Slot, string? Input = null, JsonNode? Default = null)
{
    /// <summary>True for a widget value that differs between reused instances (a parameter, not a socket).</summary>
    public bool IsParameter => Input is not null;
}
