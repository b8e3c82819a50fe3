using System.Collections.Immutable;

namespace Loki.Core.World;

/// <summary>
/// The World before layout: its nodes in World order, its regions in map order, its paths, and which nodes make up
/// the runnable part (every required socket fed, through runnable nodes, and a sink downstream).
/// </summary>
/// <param name="Items">Every node, ids 1..n in this order.</param>
/// <param name="Regions">The region names in map order (the sources' region first).</param>
/// <param name="Links">The paths, in creation order.</param>
/// <param name="Runnable">Ids of the nodes in the runnable part.</param>
public sealed record WorldPlan(
    ImmutableArray<WorldItem> Items,
    ImmutableArray<string> Regions,
    ImmutableArray<WorldLink> Links,
    ImmutableHashSet<int> Runnable);
