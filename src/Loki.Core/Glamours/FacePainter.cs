using Loki.Core.Rendering;
using SkiaSharp;

namespace Loki.Core.Glamours;

/// <summary>
/// Draws a state face (<c>states/&lt;state&gt;.png</c>, 512 × 320): the icon, the name and recipe, one empty value
/// box per widget at the place glamour.json's overlays give (the renderer draws the live value there), the wired
/// ports as coloured chips, and the state's mark (border colour, badge).
/// </summary>
public static class FacePainter
{
    /// <summary>Draws the face of <paramref name="state"/> with <paramref name="icon"/> (the node's icon.png).</summary>
    public static byte[] Paint(GlamourSubject subject, GlamourFace face, GlamourState state, byte[] icon)
    {
        using var canvas = new RenderCanvas(GlamourFace.Width, GlamourFace.Height, SKColors.Transparent);
        var p = subject.Palette;
        var frame = new SKRect(2, 2, GlamourFace.Width - 2, GlamourFace.Height - 2);
        canvas.GradientBox(frame, 22, p.Background, p.Deep);
        canvas.RoundedBox(frame, 22, SKColors.Transparent, state.Tint ?? p.Accent, state.Border);

        canvas.Image(icon, GlamourFace.IconBox, 22);
        if (state.Name == "error")
        {
            canvas.RoundedBox(GlamourFace.IconBox, 22, new SKColor(0xFF, 0x30, 0x30, 0x50));
        }

        if (state.Badge is { } badge)
        {
            var c = new SKPoint(GlamourFace.IconBox.Right - 6, GlamourFace.IconBox.Top + 6);
            canvas.Dot(c.X, c.Y, 24, p.Deep);
            canvas.Dot(c.X, c.Y, 24, (state.Tint ?? p.Accent).WithAlpha(0x70));
            canvas.Emoji(badge, new SKRect(c.X - 20, c.Y - 20, c.X + 20, c.Y + 20));
        }

        canvas.Text(subject.Title, 20, 36, 24, p.Text, bold: true, maxWidth: GlamourFace.Width - 40);
        if (subject.Recipe is { } recipe)
        {
            canvas.Text(recipe, 192, 78, 20, p.Text, maxWidth: GlamourFace.Width - 212);
        }

        if (subject.X2YFormat is { } x2y)
        {
            canvas.Text(x2y, GlamourFace.Width - 20, 78, 13, p.Accent, bold: true, align: TextAlign.Right, maxWidth: 130);
        }

        foreach (var row in face.Rows)
        {
            canvas.Text(row.Widget.Name, row.Caption.X, row.Caption.Y, row.CaptionSize, p.Muted, maxWidth: 108);
            canvas.RoundedBox(row.Value, Math.Min(8, row.Value.Height / 2), p.Deep.WithAlpha(0xD0), p.Accent.WithAlpha(0x60), 1);
        }

        DrawPorts(canvas, subject);
        return canvas.ToPng();
    }

    private static void DrawPorts(RenderCanvas canvas, GlamourSubject subject)
    {
        var y = GlamourFace.Height - 22f;
        var x = 20f;
        foreach (var port in subject.WiredInputs.Take(4))
        {
            x += Chip(canvas, port.Name, port.Type, x, y, subject.Palette) + 6;
        }

        var right = GlamourFace.Width - 20f;
        foreach (var port in subject.Outputs.Take(4).Reverse())
        {
            var w = canvas.MeasureText("→ " + port.Name, 11) + 22;
            Chip(canvas, "→ " + port.Name, port.Type, right - w, y, subject.Palette);
            right -= w + 6;
        }
    }

    private static float Chip(RenderCanvas canvas, string text, string type, float x, float y, GlamourPalette p)
    {
        var w = canvas.MeasureText(text, 11) + 22;
        canvas.RoundedBox(new SKRect(x, y - 9, x + w, y + 9), 9, p.Deep.WithAlpha(0xE0), TypeColors.Of(type), 1.5f);
        canvas.Dot(x + 9, y, 4, TypeColors.Of(type));
        canvas.Text(text, x + 16, y + 4, 11, p.Text);
        return w;
    }
}
