using Loki.Core.Rendering;
using SkiaSharp;

namespace Loki.Core.Packaging.Flows;

/// <summary>
/// The example workflow's thumbnail: the flow as the ComfyUI canvas shows it (dark grid, nodes with their titles,
/// wires coloured by type), each LOKI node with its glamour icon. Deterministic: one workflow and one set of icons
/// always give the same bytes.
/// </summary>
public static class FlowThumbnail
{
    /// <summary>Thumbnail width in pixels.</summary>
    public const int Width = 512;

    /// <summary>Thumbnail height in pixels.</summary>
    public const int Height = 288;

    private const int Margin = 16;

    /// <summary>Renders <paramref name="sketch"/> as PNG bytes; <paramref name="iconOf"/> gives a node type's glamour icon.</summary>
    public static byte[] Render(FlowSketch sketch, Func<string, byte[]?>? iconOf = null)
    {
        using var canvas = Draw(sketch, iconOf);
        return canvas.ToPng();
    }

    /// <summary>Renders <paramref name="sketch"/> as JPEG bytes (what ComfyUI's template browser loads).</summary>
    public static byte[] RenderJpeg(FlowSketch sketch, Func<string, byte[]?>? iconOf = null)
    {
        using var canvas = Draw(sketch, iconOf);
        return canvas.ToJpeg(92);
    }

    private static RenderCanvas Draw(FlowSketch sketch, Func<string, byte[]?>? iconOf)
    {
        var canvas = new RenderCanvas(Width, Height, new SKColor(0x20, 0x20, 0x20));
        for (var x = 0; x < Width; x += 16)
        {
            canvas.Line(x + 0.5f, 0, x + 0.5f, Height, new SKColor(0x26, 0x26, 0x26));
        }

        for (var y = 0; y < Height; y += 16)
        {
            canvas.Line(0, y + 0.5f, Width, y + 0.5f, new SKColor(0x26, 0x26, 0x26));
        }

        FlowPicture.Draw(canvas, sketch, new SKRect(Margin, Margin, Width - Margin, Height - Margin), iconOf ?? (_ => null), FlowPicture.Style.Editor);
        return canvas;
    }
}
