using System.Security.Cryptography;
using System.Text;
using Loki.Core.Rendering;
using SkiaSharp;

namespace Loki.Core.Glamours;

/// <summary>
/// The colours a default glamour is drawn with, chosen from the node's category: one hue per top-level category
/// (<c>image</c> blue, <c>mask</c> green, <c>text</c> amber, <c>flows</c> violet...), shifted a little per
/// sub-category so <c>image/filter</c> and <c>image/color</c> are kin but not twins. Unknown categories get a hue
/// from their name's hash: stable, and never random.
/// </summary>
/// <param name="Background">The face's base colour (dark).</param>
/// <param name="Accent">Borders, rings and the X2Y format.</param>
/// <param name="Text">Text on the background.</param>
public sealed record GlamourPalette(SKColor Background, SKColor Accent, SKColor Text)
{
    private static readonly Dictionary<string, float> Hues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image"] = 214, ["mask"] = 150, ["text"] = 40, ["flows"] = 272, ["latent"] = 320, ["model"] = 255,
        ["conditioning"] = 28, ["audio"] = 188, ["video"] = 0, ["loaders"] = 100, ["sampling"] = 340, ["utils"] = 200,
    };

    /// <summary>A darker shade of the background, for gradients.</summary>
    public SKColor Deep => new((byte)(Background.Red * 0.55), (byte)(Background.Green * 0.55), (byte)(Background.Blue * 0.55));

    /// <summary>Text colour for secondary lines.</summary>
    public SKColor Muted => Text.WithAlpha(0xB0);

    /// <summary>The palette of <paramref name="category"/> (<c>image/filter</c>); null or empty gives a neutral slate.</summary>
    public static GlamourPalette ForCategory(string? category)
    {
        var parts = (category ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            return FromHue(210, saturation: 12);
        }

        var hue = Hues.TryGetValue(parts[0], out var known) ? known : Hash(parts[0]) % 360;
        if (parts.Length > 1)
        {
            hue += (Hash(string.Join('/', parts[1..])) % 25) - 12f;
        }

        return FromHue((hue + 360) % 360, saturation: 48);
    }

    private static GlamourPalette FromHue(float hue, float saturation) =>
        new(SKColor.FromHsl(hue, saturation, 22), SKColor.FromHsl(hue, Math.Min(100, saturation + 30), 64), SKColor.FromHsl(hue, 30, 96));

    private static uint Hash(string s) => BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(s.ToLowerInvariant())), 0);

    /// <summary>The palette as glamour.json writes it.</summary>
    public (string Background, string Accent, string Text) ToHex() => (TypeColors.Hex(Background), TypeColors.Hex(Accent), TypeColors.Hex(Text));
}
