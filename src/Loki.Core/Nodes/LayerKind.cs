namespace Loki.Core.Nodes;

/// <summary>What role a <see cref="NodeLayer"/> plays in regeneration.</summary>
public enum LayerKind
{
    /// <summary>Written by people only (requirements, status, glamour...); the build reads it, never writes it.</summary>
    Authored,

    /// <summary>One of the three shapes of the node's functionality: script, node, flow. Each can be derived from another.</summary>
    Functionality,

    /// <summary>Derived from a functionality layer when absent: the config <c>&lt;n&gt;.json</c> and <c>__init__.py</c>.</summary>
    Derived,
}
