using System.Collections.Immutable;

namespace Loki.Core.Splitting;

/// <summary>A region while the finder is still filling it.</summary>
internal sealed class RegionBuilder(RegionKind kind, string title)
{
    public RegionKind Kind { get; } = kind;

    public string Title { get; } = title;

    public List<string> Nodes { get; } = [];

    public List<RegionBuilder> Children { get; } = [];

    /// <summary>The finished region; empty children are dropped.</summary>
    public SplitRegion Build() => new(Kind, Title, [.. Nodes], [.. Children.Select(c => c.Build()).Where(c => c.AllNodes.Any())]);
}
