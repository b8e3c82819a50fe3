using System.Collections.Immutable;
using Loki.Core.Diagnostics;

namespace Loki.Core.Regeneration;

/// <summary>
/// The growth report of one node after regeneration: every layer's state, the files written, and the diagnostics.
/// </summary>
/// <param name="Node">The node name.</param>
/// <param name="Directory">The node folder's full path.</param>
/// <param name="Layers">Every layer of the catalogue, in catalogue order.</param>
/// <param name="Written">Full paths of the files this run wrote (empty when nothing changed).</param>
/// <param name="Diagnostics">Everything reported about the node.</param>
public sealed record NodeGrowth(
    string Node,
    string Directory,
    ImmutableArray<LayerStatus> Layers,
    ImmutableArray<string> Written,
    ImmutableArray<LokiDiagnostic> Diagnostics)
{
    /// <summary>True when an error was reported.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>The layers in <paramref name="state"/>.</summary>
    public IEnumerable<LayerStatus> In(LayerState state) => Layers.Where(l => l.State == state);

    /// <summary>
    /// One line for logs: <c>image_levels: authored script, config; generated node, init; missing requirements, ...</c>.
    /// </summary>
    public string Summary()
    {
        var parts = new List<string>();
        foreach (var (state, label) in new[]
                 {
                     (LayerState.Authored, "authored"), (LayerState.Written, "written"), (LayerState.Generated, "generated"),
                     (LayerState.Edited, "edited"), (LayerState.Orphaned, "orphaned"), (LayerState.Failed, "failed"),
                     (LayerState.Missing, "missing"),
                 })
        {
            var layers = In(state).Select(l => l.Layer.ToString().ToLowerInvariant()).ToList();
            if (layers.Count > 0)
            {
                parts.Add($"{label} {string.Join(", ", layers)}");
            }
        }

        return $"{Node}: {string.Join("; ", parts)}";
    }
}
