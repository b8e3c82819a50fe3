using Loki.Core.Flows.Ui;
using Loki.Core.Nodes;
using Loki.Core.Text;

namespace Loki.Core.Regeneration.Generators;

/// <summary>
/// Derives the LOKI Flow <c>&lt;n&gt;_workflow.json</c> of a LOKI Node: the one-node flow of
/// <see cref="NodeFlowBuilder"/> (input and output markers, loaders and savers). Not applicable (no diagnostics) to a
/// hand-kept ComfyUI node outside LOKI's contracts, or without a config layer to read the interface from.
/// </summary>
public sealed class FlowFromNodeGenerator : ILayerGenerator
{
    /// <inheritdoc/>
    public string Name => "node→flow";

    /// <inheritdoc/>
    public NodeLayer Source => NodeLayer.Node;

    /// <inheritdoc/>
    public NodeLayer Target => NodeLayer.Flow;

    /// <inheritdoc/>
    public string? Generate(LayerGenerationContext context) =>
        context.Config is { } config && context.SourceText.Contains("loki_runtime", StringComparison.Ordinal)
            ? CanonicalJson.Write(NodeFlowBuilder.Build(config with { NodeName = context.NodeName }, markers: true))
            : null;
}
