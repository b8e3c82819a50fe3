using Loki.Core.Diagnostics;
using Loki.Core.Flows.Node;
using Loki.Core.Nodes;
using Loki.Core.Regeneration.Generators;

namespace Loki.Core.Regeneration;

/// <summary>
/// The interface a person's flow <c>&lt;n&gt;_workflow.json</c> declares (markers, App Mode, subgraph I/O or the
/// inferred signature), so an authored config that disagrees with it is reported.
/// </summary>
public sealed class FlowInterfaceReader : ILayerInterfaceReader
{
    /// <inheritdoc/>
    public NodeLayer Layer => NodeLayer.Flow;

    /// <inheritdoc/>
    public NodeInterface? Read(NodeFolder folder, string path, string text, DiagnosticBag diagnostics)
    {
        // A hand-kept workflow that LOKI cannot convert (custom nodes without schemas) says nothing comparable;
        // its problems are the flow generators' to report.
        try
        {
            return FlowLayerGenerators.Load(folder, path, new DiagnosticBag()) is { } flow
                ? NodeInterface.From(FlowNodeEmitter.Config(flow.Document, folder.Name, Path.GetFileName(path), null))
                : null;
        }
        catch (LokiException)
        {
            return null;
        }
    }
}
