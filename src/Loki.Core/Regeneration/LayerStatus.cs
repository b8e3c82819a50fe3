using Loki.Core.Nodes;

namespace Loki.Core.Regeneration;

/// <summary>One line of a node's growth report.</summary>
/// <param name="Layer">The layer.</param>
/// <param name="State">Where it stands.</param>
/// <param name="File">Its file or folder, relative to the node folder, when present.</param>
/// <param name="Source">For generated layers: the source file named in the header.</param>
public sealed record LayerStatus(NodeLayer Layer, LayerState State, string? File = null, string? Source = null);
