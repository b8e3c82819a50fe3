using Loki.Core.Rendering;
using SkiaSharp;

namespace Loki.Core.Glamours;

/// <summary>
/// Draws <c>card/card.png</c>: a tarot card (7:12, 420 × 720) with the node's name, its icon as the card's art, the
/// recipe, the X2Y format, the metaphor and, at the foot, its category and token.
/// </summary>
public static class CardPainter
{
    /// <summary>Card width in pixels.</summary>
    public const int Width = 420;

    /// <summary>Card height in pixels.</summary>
    public const int Height = 720;

    /// <summary>Draws the card with <paramref name="icon"/> as its art.</summary>
    public static byte[] Paint(GlamourSubject subject, byte[] icon)
    {
        using var canvas = new RenderCanvas(Width, Height, SKColors.Transparent);
        var p = subject.Palette;
        var frame = new SKRect(4, 4, Width - 4, Height - 4);
        canvas.GradientBox(frame, 28, p.Background, p.Deep);
        canvas.RoundedBox(frame, 28, SKColors.Transparent, p.Accent, 6);
        canvas.RoundedBox(SKRect.Inflate(frame, -14, -14), 18, SKColors.Transparent, p.Text.WithAlpha(0x70), 1.5f);

        canvas.Text(subject.Title, Width / 2f, 70, 30, p.Text, bold: true, align: TextAlign.Center, maxWidth: Width - 70);
        var art = new SKRect(46, 96, Width - 46, 96 + Width - 92);
        canvas.Image(icon, art, 24);
        canvas.RoundedBox(art, 24, SKColors.Transparent, p.Accent, 3);

        var y = art.Bottom + 48;
        if (subject.Recipe is { } recipe)
        {
            canvas.Text(recipe, Width / 2f, y, 28, p.Text, align: TextAlign.Center, maxWidth: Width - 70);
            y += 36;
        }

        if (subject.X2YFormat is { } x2y)
        {
            canvas.Text(x2y, Width / 2f, y, 18, p.Accent, bold: true, align: TextAlign.Center, maxWidth: Width - 70);
            y += 34;
        }

        if (subject.Metaphor is { } metaphor)
        {
            foreach (var line in canvas.Wrap("“" + metaphor + "”", 17, Width - 90).Take(3))
            {
                canvas.Text(line, Width / 2f, y, 17, p.Text, align: TextAlign.Center, maxWidth: Width - 70);
                y += 24;
            }
        }

        var foot = string.Join("  ·  ", new[] { subject.Category, subject.Token }.Where(s => !string.IsNullOrWhiteSpace(s)));
        canvas.Text(foot, Width / 2f, Height - 34, 13, p.Muted, align: TextAlign.Center, maxWidth: Width - 70);
        return canvas.ToPng();
    }
}
