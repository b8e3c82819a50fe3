using Loki.Core.Diagnostics;
using SkiaSharp;

namespace Loki.Core.Rendering;

/// <summary>
/// The typefaces every LOKI picture is drawn with, loaded from the font files of Debian packages by path (never
/// through fontconfig), so one machine's installed fonts cannot change a picture: DejaVu Sans (<c>fonts-dejavu-core</c>)
/// for text and Noto Color Emoji (<c>fonts-noto-color-emoji</c>) for emoji. <c>LOKI_FONT_DIR</c> overrides the folder
/// searched first (a folder holding the three files).
/// </summary>
public sealed class RenderFonts
{
    /// <summary>The text face's file.</summary>
    public const string SansFile = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    /// <summary>The bold text face's file.</summary>
    public const string BoldFile = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

    /// <summary>The colour emoji face's file.</summary>
    public const string EmojiFile = "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf";

    private static readonly Lazy<RenderFonts> Shared = new(() => new RenderFonts(
        Load(SansFile, "fonts-dejavu-core"), Load(BoldFile, "fonts-dejavu-core"), Load(EmojiFile, "fonts-noto-color-emoji")));

    private RenderFonts(SKTypeface sans, SKTypeface bold, SKTypeface emoji)
    {
        Sans = sans;
        Bold = bold;
        Emoji = emoji;
    }

    /// <summary>The fonts, loaded once per process. Throws a <see cref="LokiException"/> (LOKI7100) naming the missing file and package.</summary>
    public static RenderFonts Default => Shared.Value;

    /// <summary>DejaVu Sans.</summary>
    public SKTypeface Sans { get; }

    /// <summary>DejaVu Sans Bold.</summary>
    public SKTypeface Bold { get; }

    /// <summary>Noto Color Emoji (bitmap glyphs, scaled to the size asked for).</summary>
    public SKTypeface Emoji { get; }

    internal static SKTypeface Load(string path, string debianPackage)
    {
        var overridden = Environment.GetEnvironmentVariable("LOKI_FONT_DIR") is { Length: > 0 } dir ? Path.Combine(dir, Path.GetFileName(path)) : null;
        var file = overridden is not null && File.Exists(overridden) ? overridden : path;
        if (!File.Exists(file))
        {
            throw new LokiException(new LokiDiagnostic(
                LokiCodes.RenderFontMissing,
                DiagnosticSeverity.Error,
                $"font file {path} is missing: install the Debian package {debianPackage} (the Cake 'setup' target does as root)",
                path));
        }

        return SKTypeface.FromFile(file) ?? throw new LokiException(new LokiDiagnostic(
            LokiCodes.RenderFontMissing, DiagnosticSeverity.Error, $"font file {file} could not be loaded as a typeface", file));
    }
}
