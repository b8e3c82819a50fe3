namespace Loki.Core.World;

/// <summary>A region of the map: a LiteGraph group around the nodes of one category.</summary>
/// <param name="Name">The region (the category, or <see cref="WorldChainer.SourceRegion"/>).</param>
/// <param name="X">Left edge, canvas units.</param>
/// <param name="Y">Top edge (the group's title bar), canvas units.</param>
/// <param name="Width">Width.</param>
/// <param name="Height">Height, title bar included.</param>
public sealed record WorldRegionBox(string Name, double X, double Y, double Width, double Height);
