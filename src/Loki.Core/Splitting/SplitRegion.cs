using System.Collections.Immutable;

namespace Loki.Core.Splitting;

/// <summary>
/// A part of a workflow that may become a flow: the prompt nodes directly in it and the regions nested inside.
/// </summary>
/// <param name="Kind">Where it comes from.</param>
/// <param name="Title">What the author called it (group title, subgraph name) or the stage's name.</param>
/// <param name="Nodes">Prompt ids of the nodes directly inside (not in a child), in prompt order.</param>
/// <param name="Children">Nested regions.</param>
public sealed record SplitRegion(RegionKind Kind, string Title, ImmutableArray<string> Nodes, ImmutableArray<SplitRegion> Children)
{
    /// <summary>Every prompt node inside, children included.</summary>
    public IEnumerable<string> AllNodes => Nodes.Concat(Children.SelectMany(c => c.AllNodes));
}
