using System.Collections.Immutable;
using Loki.Core.Config;

namespace Loki.Core.Glamours;

/// <summary>
/// Everything a default glamour is drawn from: the name layer (name, emoji, token, recipe, X2Y format, metaphor),
/// the category's palette and the node's ports; for a flow, its inner nodes laid out as its graph.
/// </summary>
/// <param name="Node">The node's folder name.</param>
/// <param name="Title">The official name (or the node name in title case).</param>
/// <param name="Emoji">The emoji icon; a neutral one when the name layer has none.</param>
/// <param name="Token">The token, or null.</param>
/// <param name="Recipe">The first recipe, or null.</param>
/// <param name="X2YFormat">The first X2Y format, or null.</param>
/// <param name="Metaphor">The first metaphor, or null.</param>
/// <param name="Category">The config's category, or null.</param>
/// <param name="Palette">The category's colours.</param>
/// <param name="Inputs">The config's inputs, in order.</param>
/// <param name="Outputs">The config's outputs, in order.</param>
/// <param name="Composition">For a flow node: its inner nodes as drawn on the icon; null for other nodes.</param>
public sealed record GlamourSubject(
    string Node,
    string Title,
    string Emoji,
    string? Token,
    string? Recipe,
    string? X2YFormat,
    string? Metaphor,
    string? Category,
    GlamourPalette Palette,
    ImmutableArray<PortSpec> Inputs,
    ImmutableArray<PortSpec> Outputs,
    FlowComposition? Composition)
{
    /// <summary>The emoji drawn for a node whose name layer has none.</summary>
    public const string DefaultEmoji = "🧩";

    /// <summary>The inputs shown as widget overlays (values set on the node, not wired).</summary>
    public IEnumerable<PortSpec> Widgets => Inputs.Where(p => p.IsWidget);

    /// <summary>The inputs that arrive by wire.</summary>
    public IEnumerable<PortSpec> WiredInputs => Inputs.Where(p => !p.IsWidget);
}
