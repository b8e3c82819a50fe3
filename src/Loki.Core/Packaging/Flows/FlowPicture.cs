using Loki.Core.Rendering;
using SkiaSharp;

namespace Loki.Core.Packaging.Flows;

/// <summary>
/// Draws a flow's graph into a rectangle of a canvas: wires coloured by type, each node a rounded box with its title
/// bar and, for a LOKI node, its glamour icon in the body. One drawing serves the example thumbnails (the editor's
/// look) and the composed glamours of flows (the parent's colours). Returns where each node was drawn.
/// </summary>
public static class FlowPicture
{
    /// <summary>How the boxes look.</summary>
    /// <param name="Body">The body colour of a node without its own colour.</param>
    /// <param name="TitleBar">The title bar colour of a node without its own colour.</param>
    /// <param name="Text">Title text colour.</param>
    /// <param name="Outline">Box outline colour.</param>
    public sealed record Style(SKColor Body, SKColor TitleBar, SKColor Text, SKColor Outline)
    {
        /// <summary>ComfyUI's dark default.</summary>
        public static Style Editor { get; } = new(new SKColor(0x35, 0x35, 0x35), new SKColor(0x22, 0x22, 0x22), new SKColor(0xDD, 0xDD, 0xDD), new SKColor(0x55, 0x55, 0x55));
    }

    /// <summary>Where each node of a sketch lands when fitted into an area, and the scale used.</summary>
    /// <param name="Boxes">Node id → its box (title bar included).</param>
    /// <param name="Scale">Canvas pixels per workflow unit.</param>
    /// <param name="Fit">Maps a workflow point to the canvas.</param>
    public sealed record Placement(IReadOnlyDictionary<string, SKRect> Boxes, double Scale, Func<double, double, SKPoint> Fit);

    private const double TitleHeight = 30;

    // Titles stay readable on a small picture: the bar never gets thinner than 12 px.
    private static float TitleBar(double scale) => (float)Math.Max(12, TitleHeight * scale);

    /// <summary>Fits <paramref name="sketch"/> into <paramref name="area"/>, keeping its proportions, centred.</summary>
    public static Placement Layout(FlowSketch sketch, SKRect area)
    {
        var boxes = new Dictionary<string, SKRect>(StringComparer.Ordinal);
        if (sketch.Nodes.Length == 0)
        {
            return new Placement(boxes, 1, (x, y) => new SKPoint((float)x, (float)y));
        }

        var minX = sketch.Nodes.Min(n => n.X);
        var minY = sketch.Nodes.Min(n => n.Y) - TitleHeight; // title bars sit above pos
        var maxX = sketch.Nodes.Max(n => n.X + n.Width);
        var maxY = sketch.Nodes.Max(n => n.Y + n.Height);
        var scale = Math.Min(area.Width / Math.Max(1, maxX - minX), area.Height / Math.Max(1, maxY - minY));
        var offX = area.Left + (area.Width - (maxX - minX) * scale) / 2;
        var offY = area.Top + (area.Height - (maxY - minY) * scale) / 2;
        SKPoint Fit(double x, double y) => new((float)(offX + (x - minX) * scale), (float)(offY + (y - minY) * scale));
        var title = TitleBar(scale);
        foreach (var n in sketch.Nodes)
        {
            var a = Fit(n.X, n.Y);
            var b = Fit(n.X + n.Width, n.Y + n.Height);
            boxes.TryAdd(n.Id, new SKRect(a.X, a.Y - title, b.X, b.Y));
        }

        return new Placement(boxes, scale, Fit);
    }

    /// <summary>Draws <paramref name="sketch"/> fitted into <paramref name="area"/>; <paramref name="iconOf"/> gives a node type's icon (PNG) or null.</summary>
    public static IReadOnlyDictionary<string, SKRect> Draw(RenderCanvas canvas, FlowSketch sketch, SKRect area, Func<string, byte[]?> iconOf, Style style)
    {
        var placement = Layout(sketch, area);
        var scale = placement.Scale;
        var title = TitleBar(scale);
        SKPoint Slot(FlowSketch.Box b, int index, bool output) =>
            placement.Fit(output ? b.X + b.Width : b.X, Math.Min(b.Y + 14 + index * 20, b.Y + b.Height - 4));

        var byId = sketch.Nodes.GroupBy(n => n.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var w in sketch.Links)
        {
            if (byId.TryGetValue(w.From, out var a) && byId.TryGetValue(w.To, out var b))
            {
                var p0 = Slot(a, w.FromSlot, output: true);
                var p1 = Slot(b, w.ToSlot, output: false);
                canvas.Wire(p0.X, p0.Y, p1.X, p1.Y, TypeColors.Of(w.Type), Math.Max(1.2f, (float)(3 * scale)));
            }
        }

        var radius = Math.Max(2f, (float)(8 * scale));
        foreach (var n in sketch.Nodes)
        {
            var box = placement.Boxes[n.Id];
            if (byId[n.Id] != n)
            {
                continue; // a duplicate id: drawn once
            }

            var body = TypeColors.Parse(n.BgColor) ?? style.Body;
            var bar = TypeColors.Parse(n.Color) ?? style.TitleBar;
            canvas.RoundedBox(box, radius, bar, style.Outline, 1);
            canvas.RoundedBox(new SKRect(box.Left, box.Top + title, box.Right, box.Bottom), radius, body);
            var titleSize = Math.Clamp(title * 0.58f, 7f, 15f);
            canvas.Text(n.Title, box.Left + title * 0.35f, box.Top + title * 0.72f, titleSize, style.Text, bold: true, maxWidth: box.Width - title * 0.5f);

            if (iconOf(n.Type) is { } icon)
            {
                var side = Math.Min(box.Width, box.Height - title) * 0.8f;
                var cx = box.MidX;
                var cy = box.Top + title + (box.Height - title) / 2;
                canvas.Image(icon, new SKRect(cx - side / 2, cy - side / 2, cx + side / 2, cy + side / 2), side * 0.12f);
            }

            var dot = Math.Max(1.5f, (float)(4 * scale));
            for (var i = 0; i < n.Inputs; i++)
            {
                var p = Slot(n, i, output: false);
                canvas.Dot(p.X, p.Y, dot, new SKColor(0x9A, 0x9A, 0x9A));
            }

            for (var i = 0; i < n.Outputs; i++)
            {
                var p = Slot(n, i, output: true);
                canvas.Dot(p.X, p.Y, dot, new SKColor(0x9A, 0x9A, 0x9A));
            }
        }

        return placement.Boxes;
    }
}
