using System.Collections.Immutable;

namespace Loki.Core.Splitting;

/// <summary>A sub-flow definition while the split runs: what its first fold found and every fold that reuses it.</summary>
internal sealed record DefinitionState(int Index, string Key, string Title, RegionKind Kind, ImmutableArray<SubflowPort> Sockets, ImmutableArray<SubflowPort> Outputs, int OriginalNodes)
{
    public List<InstanceState> Instances { get; } = [];
}
