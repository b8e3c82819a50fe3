using System.Text.Json.Nodes;

namespace Loki.Core.Flows;

/// <summary>One input of a node in a flow: either a constant or a link, never both.</summary>
/// <param name="Name">The input name as the node's schema spells it.</param>
/// <param name="Link">The link feeding it, or null for a constant.</param>
/// <param name="Constant">The constant value (JSON), or null for a link. A list constant stays wrapped in <c>{"__value__": …}</c>.</param>
public sealed record FlowInput(string Name, FlowLink? Link, JsonNode? Constant)
{
    /// <summary>True when the input is fed by a link.</summary>
    public bool IsLink => Link is not null;
}
