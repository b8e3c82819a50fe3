using System.Collections.Immutable;

namespace Loki.Core.Nodes;

/// <summary>
/// A LOKI node folder as found on disk: <c>nodes/&lt;n&gt;/</c>. Having the folder is enough to be a node; every
/// layer is optional. Read with <see cref="NodeFolderReader"/>.
/// </summary>
/// <param name="Name">The node name: the folder's name (<c>image_levels</c>).</param>
/// <param name="Directory">The folder's full path.</param>
/// <param name="Layers">Each layer present, with the path (relative to the folder) of the file or folder that holds it.</param>
/// <param name="Entries">Every top-level file and folder name, sorted ordinally (folders end in <c>/</c>).</param>
public sealed record NodeFolder(
    string Name,
    string Directory,
    ImmutableSortedDictionary<NodeLayer, string> Layers,
    ImmutableArray<string> Entries)
{
    /// <summary>True when <paramref name="layer"/> is present.</summary>
    public bool Has(NodeLayer layer) => Layers.ContainsKey(layer);

    /// <summary>The full path of the file LOKI reads or writes for <paramref name="layer"/> (present or not).</summary>
    public string PathOf(NodeLayer layer) =>
        Layers.TryGetValue(layer, out var rel) ? Path.Combine(Directory, rel) : Path.Combine(Directory, LayerCatalog.FileName(layer, Name));

    /// <summary>The file name (relative to the folder) LOKI reads or writes for <paramref name="layer"/>.</summary>
    public string FileOf(NodeLayer layer) => Layers.TryGetValue(layer, out var rel) ? rel : LayerCatalog.FileName(layer, Name);

    /// <summary>The functionality layers present (script, node, flow), in preference order.</summary>
    public IEnumerable<NodeLayer> FunctionalityLayers => LayerCatalog.Functionality.Where(Has);
}
