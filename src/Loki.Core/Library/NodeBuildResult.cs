using Loki.Core.Regeneration;

namespace Loki.Core.Library;

/// <summary>The outcome of building one node of a library.</summary>
/// <param name="Node">The node name.</param>
/// <param name="Directory">The node folder.</param>
/// <param name="StampFile">Its stamp file under the state folder.</param>
/// <param name="Growth">The growth report, or null when the node was skipped as unchanged.</param>
/// <param name="State">The recorded state (the new one, or the one that made the node skip); null after errors.</param>
public sealed record NodeBuildResult(string Node, string Directory, string StampFile, NodeGrowth? Growth, NodeBuildState? State)
{
    /// <summary>True when the node had not changed since the last successful build and no conversion ran.</summary>
    public bool Skipped => Growth is null;

    /// <summary>The glamour step's outcome for this node (null when the library build did not run it).</summary>
    public Glamours.GlamourResult? Glamour { get; init; }
}
