using Loki.Core.Nodes;

namespace Loki.Core.Regeneration;

/// <summary>
/// One conversion the build can run to grow a node: it derives the <see cref="Target"/> layer from the
/// <see cref="Source"/> layer. Converters from every area plug in here (see <see cref="LayerGenerators"/>);
/// the engine (<see cref="NodeRegenerator"/>) decides when to call them, adds the header and writes the file.
/// </summary>
public interface ILayerGenerator
{
    /// <summary>A short name for reports (<c>script→node</c>).</summary>
    string Name { get; }

    /// <summary>The layer read.</summary>
    NodeLayer Source { get; }

    /// <summary>The layer produced.</summary>
    NodeLayer Target { get; }

    /// <summary>
    /// Produces the target's content without any LOKI header (for JSON layers: the JSON text). Returns null, with
    /// coded diagnostics in <see cref="LayerGenerationContext.Diagnostics"/>, when the source cannot be converted;
    /// null without any diagnostic means the conversion does not apply to this node (the layer stays missing).
    /// Must be deterministic: the same inputs give the same text.
    /// </summary>
    string? Generate(LayerGenerationContext context);
}
