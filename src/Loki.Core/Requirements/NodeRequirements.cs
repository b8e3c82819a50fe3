using System.Collections.Immutable;

namespace Loki.Core.Requirements;

/// <summary>The requirements one node declares, as parsed.</summary>
/// <param name="Node">The node's name.</param>
/// <param name="File">Its <c>requirements.txt</c> (may not exist).</param>
/// <param name="Requirements">The parsed lines that ComfyUI-Manager can install.</param>
public sealed record NodeRequirements(string Node, string File, ImmutableArray<Requirement> Requirements);
