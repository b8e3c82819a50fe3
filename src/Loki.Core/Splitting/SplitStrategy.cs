namespace Loki.Core.Splitting;

/// <summary>Which structure a split follows (<c>--by</c>).</summary>
public enum SplitStrategy
{
    /// <summary>The author's structure first (groups, subgraphs, group nodes), then typed stages of what is left.</summary>
    Auto,

    /// <summary>Only groups (nested by containment); a group that cuts through a node is an error.</summary>
    Groups,

    /// <summary>Only existing subgraphs and legacy group nodes.</summary>
    Subgraphs,

    /// <summary>Only typed stages (loading, conditioning, sampling, image), whatever the author drew.</summary>
    Stages,
}
