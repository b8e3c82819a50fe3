using SkiaSharp;

namespace Loki.Core.Rendering;

/// <summary>The link and slot colours of ComfyUI's default palette, per type, so drawn flows read like the canvas.</summary>
public static class TypeColors
{
    private static readonly Dictionary<string, SKColor> Colors = new(StringComparer.Ordinal)
    {
        ["IMAGE"] = new(0x64, 0xB5, 0xF6), ["MASK"] = new(0x81, 0xC7, 0x84), ["LATENT"] = new(0xFF, 0x9C, 0xF9),
        ["CLIP"] = new(0xFF, 0xD5, 0x00), ["MODEL"] = new(0xB3, 0x9D, 0xDB), ["VAE"] = new(0xFF, 0x6E, 0x6E),
        ["CONDITIONING"] = new(0xFF, 0xA9, 0x31), ["AUDIO"] = new(0x4D, 0xD0, 0xE1), ["STRING"] = new(0x9C, 0xCC, 0x65),
        ["INT"] = new(0x29, 0x69, 0x9C), ["FLOAT"] = new(0xAA, 0xEE, 0x88), ["BOOLEAN"] = new(0xCC, 0xA4, 0x6B),
    };

    /// <summary>The colour of <paramref name="type"/>; grey for types the palette does not name.</summary>
    public static SKColor Of(string? type) => type is not null && Colors.TryGetValue(type.ToUpperInvariant(), out var c) ? c : new SKColor(0xA0, 0xA0, 0xA0);

    /// <summary>Parses <c>#rgb</c> or <c>#rrggbb</c>; null for anything else.</summary>
    public static SKColor? Parse(string? hex)
    {
        if (hex is not { Length: 7 or 4 } || hex[0] != '#')
        {
            return null;
        }

        if (hex.Length == 4)
        {
            hex = "#" + hex[1] + hex[1] + hex[2] + hex[2] + hex[3] + hex[3];
        }

        return uint.TryParse(hex[1..], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var v)
            ? new SKColor((byte)(v >> 16), (byte)(v >> 8), (byte)v)
            : null;
    }

    /// <summary><c>#rrggbb</c> of <paramref name="color"/>.</summary>
    public static string Hex(SKColor color) => $"#{color.Red:x2}{color.Green:x2}{color.Blue:x2}";
}
