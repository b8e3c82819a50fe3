namespace Loki.Core.Splitting;

/// <summary>A sub-flow found in several workflows (same structure key).</summary>
/// <param name="Name">The name most of its definitions got.</param>
/// <param name="Workflows">How many workflows hold it.</param>
/// <param name="Uses">How many times it is used over all of them.</param>
/// <param name="Nodes">Original nodes inside.</param>
/// <param name="Border">What crosses its border (<c>CLIP → CONDITIONING, CONDITIONING</c>).</param>
/// <param name="Classes">Its node classes, with counts.</param>
public sealed record RecurringSubflow(string Name, int Workflows, int Uses, int Nodes, string Border, string Classes);
