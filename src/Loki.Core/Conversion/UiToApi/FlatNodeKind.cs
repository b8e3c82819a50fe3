namespace Loki.Core.Conversion.UiToApi;

/// <summary>What a flattened node becomes in the prompt.</summary>
internal enum FlatNodeKind
{
    /// <summary>A backend node: it is sent.</summary>
    Real,

    /// <summary>A frontend-only node (PrimitiveNode, Reroute, Note, ...): links pass through it by slot.</summary>
    Virtual,

    /// <summary>A subgraph instance: expanded into its inner nodes.</summary>
    Subgraph,

    /// <summary>A legacy group node instance: expanded into its inner nodes.</summary>
    Group,
}
