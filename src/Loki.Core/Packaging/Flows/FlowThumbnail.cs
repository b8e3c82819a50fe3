namespace Loki.Core.Packaging.Flows;

/// <summary>
/// Draws a workflow as a small diagram, the way the ComfyUI canvas shows it: dark background, node boxes with a title
/// bar (the node's own colour when it has one), slot dots, and wires as curves coloured by type. Deterministic:
/// integer raster operations only, so one workflow always gives the same PNG bytes.
/// </summary>
public static class FlowThumbnail
{
    /// <summary>Thumbnail width in pixels.</summary>
    public const int Width = 512;

    /// <summary>Thumbnail height in pixels.</summary>
    public const int Height = 288;

    private const int Margin = 16;

    internal static readonly Dictionary<string, (byte R, byte G, byte B)> TypeColors = new(StringComparer.Ordinal)
    {
        ["IMAGE"] = (0x64, 0xB5, 0xF6), ["MASK"] = (0x81, 0xC7, 0x84), ["LATENT"] = (0xFF, 0x9C, 0xF9),
        ["CLIP"] = (0xFF, 0xD5, 0x00), ["MODEL"] = (0xB3, 0x9D, 0xDB), ["VAE"] = (0xFF, 0x6E, 0x6E),
        ["CONDITIONING"] = (0xFF, 0xA9, 0x31), ["AUDIO"] = (0x4D, 0xD0, 0xE1), ["STRING"] = (0x9C, 0xCC, 0x65),
        ["INT"] = (0x29, 0x69, 0x9C), ["FLOAT"] = (0xAA, 0xEE, 0x88),
    };

    /// <summary>Renders <paramref name="sketch"/> as PNG bytes.</summary>
    public static byte[] Render(FlowSketch sketch) => PngWriter.Encode(Width, Height, Draw(sketch));

    /// <summary>Renders <paramref name="sketch"/> as JPEG bytes (what ComfyUI's template browser loads).</summary>
    public static byte[] RenderJpeg(FlowSketch sketch) => JpegWriter.Encode(Width, Height, Draw(sketch));

    /// <summary>The diagram as RGB bytes, <see cref="Width"/> × <see cref="Height"/> × 3.</summary>
    public static byte[] Draw(FlowSketch sketch)
    {
        var canvas = new Raster(Width, Height, (0x20, 0x20, 0x20));
        DrawGrid(canvas);
        if (sketch.Nodes.Length > 0)
        {
            var minX = sketch.Nodes.Min(n => n.X);
            var minY = sketch.Nodes.Min(n => n.Y) - 30; // title bars sit above pos
            var maxX = sketch.Nodes.Max(n => n.X + n.Width);
            var maxY = sketch.Nodes.Max(n => n.Y + n.Height);
            var scale = Math.Min((Width - 2 * Margin) / Math.Max(1, maxX - minX), (Height - 2 * Margin) / Math.Max(1, maxY - minY));
            var offX = Margin + ((Width - 2 * Margin) - (maxX - minX) * scale) / 2;
            var offY = Margin + ((Height - 2 * Margin) - (maxY - minY) * scale) / 2;
            int Px(double x) => (int)Math.Round(offX + (x - minX) * scale);
            int Py(double y) => (int)Math.Round(offY + (y - minY) * scale);

            var byId = sketch.Nodes.GroupBy(n => n.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            (double X, double Y) Slot(FlowSketch.Box b, int index, bool output)
            {
                var y = b.Y + 14 + index * 20;
                return (output ? b.X + b.Width : b.X, Math.Min(y, b.Y + b.Height - 4));
            }

            foreach (var n in sketch.Nodes)
            {
                var title = Math.Max(3, (int)Math.Round(30 * scale));
                var body = ParseColor(n.Color) ?? (0x35, 0x35, 0x35);
                canvas.Fill(Px(n.X), Py(n.Y) - title, Px(n.X + n.Width), Py(n.Y), Darken(body));
                canvas.Fill(Px(n.X), Py(n.Y), Px(n.X + n.Width), Py(n.Y + n.Height), body);
                canvas.Frame(Px(n.X), Py(n.Y) - title, Px(n.X + n.Width), Py(n.Y + n.Height), (0x55, 0x55, 0x55));
                for (var i = 0; i < n.Inputs; i++)
                {
                    var (x, y) = Slot(n, i, output: false);
                    canvas.Dot(Px(x), Py(y), 2, (0x9A, 0x9A, 0x9A));
                }

                for (var i = 0; i < n.Outputs; i++)
                {
                    var (x, y) = Slot(n, i, output: true);
                    canvas.Dot(Px(x), Py(y), 2, (0x9A, 0x9A, 0x9A));
                }
            }

            foreach (var w in sketch.Links)
            {
                if (!byId.TryGetValue(w.From, out var a) || !byId.TryGetValue(w.To, out var b))
                {
                    continue; // subgraph boundary (-10/-20) or a dangling link
                }

                var (x0, y0) = Slot(a, w.FromSlot, output: true);
                var (x1, y1) = Slot(b, w.ToSlot, output: false);
                var color = TypeColors.TryGetValue(w.Type, out var c) ? c : ((byte)0xA0, (byte)0xA0, (byte)0xA0);
                canvas.Curve(Px(x0), Py(y0), Px(x1), Py(y1), color);
            }
        }

        return canvas.Pixels;
    }

    private static void DrawGrid(Raster canvas)
    {
        for (var x = 0; x < Width; x += 16)
        {
            canvas.Fill(x, 0, x + 1, Height, (0x26, 0x26, 0x26));
        }

        for (var y = 0; y < Height; y += 16)
        {
            canvas.Fill(0, y, Width, y + 1, (0x26, 0x26, 0x26));
        }
    }

    private static (byte, byte, byte) Darken((byte R, byte G, byte B) c) => ((byte)(c.R * 2 / 3), (byte)(c.G * 2 / 3), (byte)(c.B * 2 / 3));

    private static (byte, byte, byte)? ParseColor(string? hex)
    {
        if (hex is not { Length: 7 or 4 } || hex[0] != '#')
        {
            return null;
        }

        if (hex.Length == 4)
        {
            hex = "#" + hex[1] + hex[1] + hex[2] + hex[2] + hex[3] + hex[3];
        }

        return int.TryParse(hex[1..], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var v)
            ? ((byte)(v >> 16), (byte)(v >> 8), (byte)v)
            : null;
    }

    private sealed class Raster
    {
        public Raster(int width, int height, (byte R, byte G, byte B) background)
        {
            W = width;
            H = height;
            Pixels = new byte[width * height * 3];
            Fill(0, 0, width, height, background);
        }

        public int W { get; }

        public int H { get; }

        public byte[] Pixels { get; }

        public void Set(int x, int y, (byte R, byte G, byte B) c)
        {
            if (x < 0 || y < 0 || x >= W || y >= H)
            {
                return;
            }

            var i = (y * W + x) * 3;
            (Pixels[i], Pixels[i + 1], Pixels[i + 2]) = (c.R, c.G, c.B);
        }

        public void Fill(int x0, int y0, int x1, int y1, (byte R, byte G, byte B) c)
        {
            for (var y = Math.Max(0, y0); y < Math.Min(H, y1); y++)
            {
                for (var x = Math.Max(0, x0); x < Math.Min(W, x1); x++)
                {
                    Set(x, y, c);
                }
            }
        }

        public void Frame(int x0, int y0, int x1, int y1, (byte R, byte G, byte B) c)
        {
            Fill(x0, y0, x1, y0 + 1, c);
            Fill(x0, y1 - 1, x1, y1, c);
            Fill(x0, y0, x0 + 1, y1, c);
            Fill(x1 - 1, y0, x1, y1, c);
        }

        public void Dot(int cx, int cy, int r, (byte R, byte G, byte B) c)
        {
            for (var y = -r; y <= r; y++)
            {
                for (var x = -r; x <= r; x++)
                {
                    if (x * x + y * y <= r * r)
                    {
                        Set(cx + x, cy + y, c);
                    }
                }
            }
        }

        // A horizontal-tangent cubic, like the canvas's spline links, sampled densely enough to leave no gaps.
        public void Curve(int x0, int y0, int x1, int y1, (byte R, byte G, byte B) c)
        {
            var dx = Math.Max(20, Math.Abs(x1 - x0) / 2);
            var steps = Math.Max(8, (Math.Abs(x1 - x0) + Math.Abs(y1 - y0)) * 2);
            for (var i = 0; i <= steps; i++)
            {
                var t = (double)i / steps;
                var u = 1 - t;
                var x = (u * u * u * x0) + (3 * u * u * t * (x0 + dx)) + (3 * u * t * t * (x1 - dx)) + (t * t * t * x1);
                var y = (u * u * u * y0) + (3 * u * u * t * y0) + (3 * u * t * t * y1) + (t * t * t * y1);
                var px = (int)Math.Round(x);
                var py = (int)Math.Round(y);
                Set(px, py, c);
                Set(px, py + 1, c);
            }
        }
    }
}
