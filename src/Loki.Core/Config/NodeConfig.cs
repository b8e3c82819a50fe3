using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Loki.Core.Config;

/// <summary>
/// The config layer of a LOKI node (<c>nodes/&lt;n&gt;/&lt;n&gt;.json</c>): its interface and the facts shared by
/// every other layer. See <c>docs/node-config.md</c> and <c>docs/schemas/loki-node-config.schema.json</c>.
/// </summary>
public sealed record NodeConfig
{
    /// <summary>The node's folder name, lowercase snake_case.</summary>
    public required string NodeName { get; init; }

    /// <summary>SemVer of the node.</summary>
    public string Version { get; init; } = "0.1.0";

    /// <summary>One sentence saying what the node does.</summary>
    public string? Description { get; init; }

    /// <summary>The subcategory under <c>LOKI 🦊/</c> (e.g. <c>image/adjust</c>).</summary>
    public string? Category { get; init; }

    /// <summary><c>cpu</c> (default) or <c>cuda</c>: where the smoke test must also run.</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>True when the ComfyUI node is an output node (it saves or shows something).</summary>
    public bool OutputNode { get; init; }

    /// <summary>Inputs in declaration order.</summary>
    public ImmutableArray<PortSpec> Inputs { get; init; } = [];

    /// <summary>Outputs in declaration order.</summary>
    public ImmutableArray<PortSpec> Outputs { get; init; } = [];

    /// <summary>Smoke examples: each names input values (files relative to the node folder).</summary>
    public ImmutableArray<NodeExample> Examples { get; init; } = [];

    /// <summary>For a node that wraps a ComfyUI node by reference: its class and pack.</summary>
    public ComfyReference? Comfy { get; init; }

    /// <summary>Every other top-level field, kept as read so a round trip loses nothing.</summary>
    public JsonObject Extra { get; init; } = [];
}
