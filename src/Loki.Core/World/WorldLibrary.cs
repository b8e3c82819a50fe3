using System.Collections.Immutable;

namespace Loki.Core.World;

/// <summary>The library the World is drawn from, and the pack identity every node carries.</summary>
/// <param name="Nodes">The library's nodes, sorted by name.</param>
/// <param name="PackId">The pack's Comfy Registry id (<c>properties.cnr_id</c>): the pyproject <c>name</c>.</param>
/// <param name="PackVersion">The pack's version (<c>properties.ver</c>).</param>
public sealed record WorldLibrary(ImmutableArray<WorldNode> Nodes, string PackId, string PackVersion);
