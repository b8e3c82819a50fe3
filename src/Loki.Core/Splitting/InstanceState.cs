using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Loki.Core.Splitting;

/// <summary>One fold while the split runs: its own copy of the body (its widget values) and where its node sits now.</summary>
/// <param name="Id">The instance node's id.</param>
/// <param name="Body">The region's nodes with this instance's values (the definition's body for its first instance).</param>
/// <param name="Members">Canonical id → id before folding.</param>
internal sealed record InstanceState(string Id, JsonObject Body, ImmutableDictionary<string, string> Members)
{
    /// <summary>The inputs of the node that stands for this instance, wherever it sits now (the work graph or a parent's body).</summary>
    public required JsonObject Location { get; set; }
}
