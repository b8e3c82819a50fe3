using Loki.Core.Rendering;
using SkiaSharp;

namespace Loki.Core.Glamours;

/// <summary>
/// Draws <c>icon.png</c> (512 × 512): the node's emoji on its category's colours; for a flow, its inner nodes'
/// icons laid out as its graph inside the parent's frame, with the parent's emoji as a seal in the corner.
/// </summary>
public static class IconPainter
{
    /// <summary>Icon size in pixels.</summary>
    public const int Size = 512;

    /// <summary>Where a flow's inner graph is drawn on the icon.</summary>
    public static readonly SKRect CompositionArea = new(44, 44, Size - 44, Size - 100);

    /// <summary>Where the inner nodes themselves are fitted, inside <see cref="CompositionArea"/>.</summary>
    public static SKRect GraphArea => SKRect.Inflate(CompositionArea, -14, -14);

    /// <summary>Draws the icon; <paramref name="iconOfNode"/> gives a library node's current icon (for flows).</summary>
    public static byte[] Paint(GlamourSubject subject, Func<string, byte[]?> iconOfNode)
    {
        using var canvas = new RenderCanvas(Size, Size, SKColors.Transparent);
        var p = subject.Palette;
        var frame = new SKRect(8, 8, Size - 8, Size - 8);
        canvas.GradientBox(frame, 96, p.Background, p.Deep);
        canvas.RoundedBox(frame, 96, SKColors.Transparent, p.Accent, 10);
        if (subject.Composition is { } composition)
        {
            canvas.RoundedBox(CompositionArea, 28, p.Deep.WithAlpha(0xC0));
            CompositionPainter.Paint(canvas, composition, GraphArea, iconOfNode, p);
            canvas.Dot(Size - 92, Size - 92, 64, p.Background);
            canvas.Dot(Size - 92, Size - 92, 64, p.Accent.WithAlpha(0x50));
            canvas.Emoji(subject.Emoji, new SKRect(Size - 152, Size - 152, Size - 32, Size - 32));
            canvas.Text(subject.Title, 40, Size - 50, 30, p.Text, bold: true, maxWidth: Size - 200);
        }
        else
        {
            canvas.Dot(Size / 2f, Size / 2f - 8, 170, p.Accent.WithAlpha(0x38));
            canvas.Emoji(subject.Emoji, new SKRect(96, 72, Size - 96, Size - 120));
        }

        return canvas.ToPng();
    }
}
