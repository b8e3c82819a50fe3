namespace Loki.Core.Splitting;

/// <summary>Where a region of a workflow comes from, in the order the rules trust them.</summary>
public enum RegionKind
{
    /// <summary>The whole workflow (becomes the parent flow).</summary>
    Root,

    /// <summary>A group the author drew (nested by bounding-box containment).</summary>
    Group,

    /// <summary>An instance of a subgraph definition.</summary>
    Subgraph,

    /// <summary>A legacy group node (<c>extra.groupNodes</c>).</summary>
    GroupNode,

    /// <summary>A typed stage found from the types that cross its border (loading, conditioning, sampling, image).</summary>
    Stage,
}
