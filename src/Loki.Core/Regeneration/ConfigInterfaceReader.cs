using Loki.Core.Config;
using Loki.Core.Diagnostics;
using Loki.Core.Nodes;

namespace Loki.Core.Regeneration;

/// <summary>The interface of the config layer <c>&lt;n&gt;.json</c>, read with <see cref="NodeConfigReader"/>.</summary>
public sealed class ConfigInterfaceReader : ILayerInterfaceReader
{
    /// <inheritdoc/>
    public NodeLayer Layer => NodeLayer.Config;

    /// <inheritdoc/>
    public NodeInterface? Read(NodeFolder folder, string path, string text, DiagnosticBag diagnostics)
    {
        // Config diagnostics are reported once by the regenerator; a scratch bag keeps them from doubling.
        var config = NodeConfigReader.Parse(text, path, new DiagnosticBag(), folder.Name);

        // A UI-only config (no inputs or outputs declared at all) says nothing about the interface.
        return config is null || (config.Inputs.IsEmpty && config.Outputs.IsEmpty) ? null : NodeInterface.From(config);
    }
}
