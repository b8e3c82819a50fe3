using Loki.Core.Config;
using SkiaSharp;

namespace Loki.Core.Glamours;

/// <summary>
/// The geometry of a glamour's state faces, shared by the painter (which leaves each widget's value box empty) and
/// glamour.json (which tells the renderer where those boxes are, as fractions of the face).
/// </summary>
public sealed class GlamourFace
{
    /// <summary>Face width in pixels.</summary>
    public const int Width = 512;

    /// <summary>Face height in pixels (a node body's usual proportions).</summary>
    public const int Height = 320;

    /// <summary>Where the icon sits.</summary>
    public static readonly SKRect IconBox = new(20, 52, 172, 204);

    private const float Left = 192;
    private const float Right = Width - 20;
    private const float Top = 100;
    private const float Bottom = 276;

    private GlamourFace(IReadOnlyList<Row> rows) => Rows = rows;

    /// <summary>One widget row: its caption position and the value box.</summary>
    /// <param name="Widget">The input.</param>
    /// <param name="Caption">Where the caption's baseline starts.</param>
    /// <param name="CaptionSize">The caption's text size.</param>
    /// <param name="Value">The value box the renderer fills.</param>
    public sealed record Row(PortSpec Widget, SKPoint Caption, float CaptionSize, SKRect Value);

    /// <summary>The widget rows, top to bottom.</summary>
    public IReadOnlyList<Row> Rows { get; }

    /// <summary>Lays out the widgets of <paramref name="subject"/>: stacked captions above boxes, or side by side when many.</summary>
    public static GlamourFace For(GlamourSubject subject)
    {
        var widgets = subject.Widgets.ToList();
        var rows = new List<Row>();
        if (widgets.Count == 0)
        {
            return new GlamourFace(rows);
        }

        var rowHeight = Math.Min(58f, (Bottom - Top) / widgets.Count);
        var stacked = rowHeight >= 44;
        for (var i = 0; i < widgets.Count; i++)
        {
            var y = Top + i * rowHeight;
            var size = stacked ? 13f : Math.Clamp(rowHeight * 0.5f, 8f, 12f);
            rows.Add(stacked
                ? new Row(widgets[i], new SKPoint(Left + 2, y + 13), size, new SKRect(Left, y + 18, Right, y + rowHeight - 4))
                : new Row(widgets[i], new SKPoint(Left + 2, y + rowHeight * 0.5f + size * 0.35f), size, new SKRect(Left + 112, y + 2, Right, y + rowHeight - 2)));
        }

        return new GlamourFace(rows);
    }

    /// <summary><paramref name="box"/> as fractions of the face, rounded to 4 places.</summary>
    public static (double X, double Y, double W, double H) Fractions(SKRect box) =>
        (Math.Round(box.Left / Width, 4), Math.Round(box.Top / Height, 4), Math.Round(box.Width / Width, 4), Math.Round(box.Height / Height, 4));
}
