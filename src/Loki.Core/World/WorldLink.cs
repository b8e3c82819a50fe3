namespace Loki.Core.World;

/// <summary>A path of the World: output <paramref name="FromSlot"/> of one node feeds the input <paramref name="Input"/> of another.</summary>
/// <param name="From">The origin node's id.</param>
/// <param name="FromSlot">The origin's output slot.</param>
/// <param name="To">The target node's id.</param>
/// <param name="Input">The target's input name.</param>
/// <param name="Type">The type the link carries (the same on both ends).</param>
public sealed record WorldLink(int From, int FromSlot, int To, string Input, string Type);
