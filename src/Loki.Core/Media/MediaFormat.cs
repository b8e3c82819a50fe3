namespace Loki.Core.Media;

/// <summary>The media containers LOKI reads workflows from.</summary>
public enum MediaFormat
{
    /// <summary>Not a supported media file.</summary>
    Unknown,

    /// <summary>PNG (<c>tEXt</c>, <c>zTXt</c>, <c>iTXt</c>, <c>comf</c> chunks).</summary>
    Png,

    /// <summary>WebP (EXIF chunk, ASCII tags <c>key:value</c>).</summary>
    Webp,
}
