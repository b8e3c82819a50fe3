using System.Collections.Immutable;

namespace Loki.Core.Requirements;

/// <summary>One line of the pack's merged <c>requirements.txt</c>, with the nodes that asked for it.</summary>
/// <param name="Line">The requirement line written to the pack.</param>
/// <param name="Key">The normalised distribution name.</param>
/// <param name="Sources">Every node line it merges, in node order.</param>
public sealed record MergedRequirement(string Line, string Key, ImmutableArray<RequirementSource> Sources);
