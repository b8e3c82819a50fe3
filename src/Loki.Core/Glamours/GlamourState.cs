using SkiaSharp;

namespace Loki.Core.Glamours;

/// <summary>The five execution states every glamour has a face for, with how the default face marks each.</summary>
/// <param name="Name">The key in glamour.json and the file name under <c>states/</c>.</param>
/// <param name="Badge">The emoji badge on the icon (none when idle).</param>
/// <param name="Tint">The border colour; null keeps the palette's accent.</param>
/// <param name="Border">The border width in pixels.</param>
public sealed record GlamourState(string Name, string? Badge, SKColor? Tint, float Border)
{
    /// <summary>Every state, in the order of a run.</summary>
    public static IReadOnlyList<GlamourState> All { get; } =
    [
        new("idle", null, null, 3),
        new("queued", "⏳", new SKColor(0x9A, 0xA0, 0xA6), 4),
        new("running", "⚙️", new SKColor(0xFF, 0xD1, 0x66), 7),
        new("done", "✅", new SKColor(0x5F, 0xCF, 0x7A), 5),
        new("error", "❌", new SKColor(0xFF, 0x5C, 0x5C), 7),
    ];

    /// <summary>The file of this state's face, relative to <c>glamour/</c>.</summary>
    public string File => $"states/{Name}.png";
}
