namespace Loki.Core.Rendering;

/// <summary>Where a line of text sits relative to the x it is drawn at.</summary>
public enum TextAlign
{
    /// <summary>Starts at x.</summary>
    Left,

    /// <summary>Centred on x.</summary>
    Center,

    /// <summary>Ends at x.</summary>
    Right,
}
