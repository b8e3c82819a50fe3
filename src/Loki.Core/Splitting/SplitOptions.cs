using Loki.Core.Schemas;

namespace Loki.Core.Splitting;

/// <summary>How <see cref="WorkflowSplitter"/> cuts a workflow.</summary>
/// <param name="Strategy">Which structure to follow.</param>
/// <param name="MinNodes">The fewest original nodes a sub-flow may hold (smaller regions stay inline); at least 2.</param>
/// <param name="Prefix">Put before every sub-flow name (<c>sdxl</c> → <c>sdxl_encode_prompts</c>), or null.</param>
/// <param name="Schemas">The node classes the workflow may use (ComfyUI's catalogue plus any dumps given).</param>
public sealed record SplitOptions(SplitStrategy Strategy, int MinNodes, string? Prefix, SchemaSet Schemas)
{
    /// <summary>Auto strategy, two nodes at least, no prefix, the shipped catalogue.</summary>
    public static SplitOptions Default => new(SplitStrategy.Auto, 2, null, SchemaSet.Catalogue);
}
