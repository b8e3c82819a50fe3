namespace Loki.Core.Flows;

/// <summary>A link in an API prompt: output <paramref name="Slot"/> of node <paramref name="NodeId"/>.</summary>
/// <param name="NodeId">The source node id, as a string (<c>"6"</c>, or <c>"5:3"</c> inside a flattened subgraph).</param>
/// <param name="Slot">The source output index.</param>
public sealed record FlowLink(string NodeId, int Slot)
{
    /// <inheritdoc />
    public override string ToString() => $"[{NodeId}, {Slot}]";
}
