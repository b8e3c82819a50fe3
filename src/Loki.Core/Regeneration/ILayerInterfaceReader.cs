using Loki.Core.Diagnostics;
using Loki.Core.Nodes;

namespace Loki.Core.Regeneration;

/// <summary>
/// Reads the interface an authored layer declares, so the build can report two authored layers that disagree.
/// Readers plug in beside the generators (see <see cref="LayerGenerators.InterfaceReaders"/>).
/// </summary>
public interface ILayerInterfaceReader
{
    /// <summary>The layer read.</summary>
    NodeLayer Layer { get; }

    /// <summary>
    /// Returns the layer's interface, or null when it cannot tell (a file outside LOKI's contracts, such as a
    /// hand-written ComfyUI node that is not a LOKI Node): such a layer is not compared.
    /// </summary>
    NodeInterface? Read(NodeFolder folder, string path, string text, DiagnosticBag diagnostics);
}
