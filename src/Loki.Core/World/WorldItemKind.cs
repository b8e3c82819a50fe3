namespace Loki.Core.World;

/// <summary>What a node of the World is there for.</summary>
public enum WorldItemKind
{
    /// <summary>A node of the library (a LOKI Script node or a LOKI Flow node): from the ComfyUI-LOKI pack.</summary>
    Library,

    /// <summary>A ComfyUI core node that makes a value no library node makes first (an empty image, a solid mask).</summary>
    Source,

    /// <summary>A ComfyUI core output node that shows a chain's end, so the chain runs when queued.</summary>
    Sink,
}
