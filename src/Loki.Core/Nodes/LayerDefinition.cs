namespace Loki.Core.Nodes;

/// <summary>How one <see cref="NodeLayer"/> appears in a node folder.</summary>
/// <param name="Layer">The layer.</param>
/// <param name="Kind">Its role in regeneration.</param>
/// <param name="FilePatterns">File names (relative to the node folder) that hold the layer; <c>{n}</c> stands for the node name. The first is where LOKI writes it.</param>
/// <param name="FolderNames">Folder names that hold the layer (any content counts).</param>
/// <param name="Title">A short human name for reports.</param>
public sealed record LayerDefinition(
    NodeLayer Layer,
    LayerKind Kind,
    IReadOnlyList<string> FilePatterns,
    IReadOnlyList<string> FolderNames,
    string Title)
{
    /// <summary>The file LOKI writes for this layer in the folder of node <paramref name="nodeName"/>, or null for folder-only layers.</summary>
    public string? PrimaryFile(string nodeName) => FilePatterns.Count == 0 ? null : FilePatterns[0].Replace("{n}", nodeName, StringComparison.Ordinal);

    /// <summary>Every file name that holds this layer for node <paramref name="nodeName"/>.</summary>
    public IEnumerable<string> Files(string nodeName) => FilePatterns.Select(p => p.Replace("{n}", nodeName, StringComparison.Ordinal));
}
