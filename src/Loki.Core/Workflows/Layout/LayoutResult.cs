namespace Loki.Core.Workflows.Layout;

/// <summary>What <see cref="WorkflowLayout.Apply"/> found while placing a graph's nodes.</summary>
/// <param name="Order">Node ids in a topological order of the links (the order the frontend would run them in).</param>
/// <param name="Cycle">Ids of nodes on a link cycle (empty for a graph ComfyUI can run).</param>
public sealed record LayoutResult(IReadOnlyList<string> Order, IReadOnlyList<string> Cycle);
