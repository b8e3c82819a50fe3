using Loki.Core.Config;
using Loki.Core.Diagnostics;
using Loki.Core.Naming;
using Loki.Core.Nodes;

namespace Loki.Core.Regeneration;

/// <summary>Everything a <see cref="ILayerGenerator"/> may read for one conversion.</summary>
/// <param name="Folder">The node folder.</param>
/// <param name="SourcePath">The full path of the source layer's file.</param>
/// <param name="SourceText">The source file's text (its LOKI header, if any, already removed).</param>
/// <param name="Config">The node's config layer, when it has (or was just given) one.</param>
/// <param name="Name">The node's name layer, when it has one.</param>
/// <param name="Diagnostics">Where the converter reports problems, with codes.</param>
/// <param name="Produced">Layers written earlier in this run: file name (relative to the folder) → full text. In a dry
/// run they are not on disk, so converters that read the folder themselves see them through this.</param>
public sealed record LayerGenerationContext(
    NodeFolder Folder,
    string SourcePath,
    string SourceText,
    NodeConfig? Config,
    NameLayer? Name,
    DiagnosticBag Diagnostics,
    IReadOnlyDictionary<string, string>? Produced = null)
{
    /// <summary>The node's name.</summary>
    public string NodeName => Folder.Name;

    /// <summary>The display name <c>"&lt;emojis&gt; &lt;Official Name&gt; (LOKI)"</c> from the name layer (or the node name).</summary>
    public string DisplayName => (Name ?? NameLayer.Empty).DisplayName(Folder.Name);
}
