using SkiaSharp;

namespace Loki.Core.Rendering;

/// <summary>
/// A raster picture drawn with SkiaSharp on the CPU: rounded boxes, wires, text with emoji, and other pictures. Text
/// is anti-aliased without hinting or sub-pixel positioning, and every font comes from <see cref="RenderFonts"/>, so
/// the same calls give the same pixels (and, through <see cref="PngImage"/>, the same bytes) on every run.
/// </summary>
public sealed class RenderCanvas : IDisposable
{
    private readonly SKBitmap _bitmap;
    private readonly SKCanvas _canvas;

    /// <summary>A canvas of <paramref name="width"/> × <paramref name="height"/> pixels filled with <paramref name="background"/>.</summary>
    public RenderCanvas(int width, int height, SKColor background)
    {
        Width = width;
        Height = height;
        _bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        _canvas = new SKCanvas(_bitmap);
        _canvas.Clear(background);
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>The SkiaSharp canvas, for drawing this API does not wrap (clips, transforms).</summary>
    public SKCanvas Skia => _canvas;

    /// <summary>The fonts text is drawn with.</summary>
    public RenderFonts Fonts { get; } = RenderFonts.Default;

    /// <summary>A filled rounded box, with an optional outline drawn inside its edge.</summary>
    public void RoundedBox(SKRect box, float radius, SKColor fill, SKColor? stroke = null, float strokeWidth = 1)
    {
        using var paint = new SKPaint { Color = fill, IsAntialias = true, Style = SKPaintStyle.Fill };
        _canvas.DrawRoundRect(box, radius, radius, paint);
        if (stroke is { } s && strokeWidth > 0)
        {
            var inset = strokeWidth / 2;
            using var line = new SKPaint { Color = s, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = strokeWidth };
            _canvas.DrawRoundRect(SKRect.Inflate(box, -inset, -inset), Math.Max(0, radius - inset), Math.Max(0, radius - inset), line);
        }
    }

    /// <summary>A rounded box filled with a vertical gradient from <paramref name="top"/> to <paramref name="bottom"/>.</summary>
    public void GradientBox(SKRect box, float radius, SKColor top, SKColor bottom)
    {
        using var shader = SKShader.CreateLinearGradient(new SKPoint(box.Left, box.Top), new SKPoint(box.Left, box.Bottom), [top, bottom], SKShaderTileMode.Clamp);
        using var paint = new SKPaint { Shader = shader, IsAntialias = true };
        _canvas.DrawRoundRect(box, radius, radius, paint);
    }

    /// <summary>A filled circle.</summary>
    public void Dot(float x, float y, float radius, SKColor color)
    {
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        _canvas.DrawCircle(x, y, radius, paint);
    }

    /// <summary>A straight line.</summary>
    public void Line(float x0, float y0, float x1, float y1, SKColor color, float width = 1)
    {
        using var paint = new SKPaint { Color = color, IsAntialias = true, StrokeWidth = width, StrokeCap = SKStrokeCap.Round };
        _canvas.DrawLine(x0, y0, x1, y1, paint);
    }

    /// <summary>A wire as the ComfyUI canvas draws links: a cubic leaving and entering horizontally.</summary>
    public void Wire(float x0, float y0, float x1, float y1, SKColor color, float width = 2)
    {
        var dx = Math.Max(20, Math.Abs(x1 - x0) / 2);
        using var path = new SKPathBuilder();
        path.MoveTo(x0, y0);
        path.CubicTo(x0 + dx, y0, x1 - dx, y1, x1, y1);
        using var built = path.Detach();
        using var paint = new SKPaint { Color = color, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = width, StrokeCap = SKStrokeCap.Round };
        _canvas.DrawPath(built, paint);
    }

    /// <summary>
    /// Draws one line of text (emoji in colour) with its baseline at <paramref name="y"/>, cut with an ellipsis to
    /// <paramref name="maxWidth"/> when given. Returns the width drawn.
    /// </summary>
    public float Text(string text, float x, float y, float size, SKColor color, bool bold = false, TextAlign align = TextAlign.Left, float? maxWidth = null)
    {
        var fitted = maxWidth is { } max ? Fit(text, size, bold, max) : text;
        var width = MeasureText(fitted, size, bold);
        var left = align switch
        {
            TextAlign.Center => x - width / 2,
            TextAlign.Right => x - width,
            _ => x,
        };
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        foreach (var run in Runs(fitted, bold))
        {
            using var font = FontFor(run, size, bold);
            _canvas.DrawText(run.Text, left, y, SKTextAlign.Left, font, paint);
            left += font.MeasureText(run.Text);
        }

        return width;
    }

    /// <summary>The width <paramref name="text"/> takes at <paramref name="size"/>.</summary>
    public float MeasureText(string text, float size, bool bold = false)
    {
        var width = 0f;
        foreach (var run in Runs(text, bold))
        {
            using var font = FontFor(run, size, bold);
            width += font.MeasureText(run.Text);
        }

        return width;
    }

    /// <summary><paramref name="text"/> cut at a text element and ended with "…" so it fits <paramref name="maxWidth"/>.</summary>
    public string Fit(string text, float size, bool bold, float maxWidth)
    {
        if (MeasureText(text, size, bold) <= maxWidth)
        {
            return text;
        }

        var elements = System.Globalization.StringInfo.ParseCombiningCharacters(text);
        for (var n = elements.Length - 1; n > 0; n--)
        {
            var candidate = text[..elements[n]].TrimEnd() + "…";
            if (MeasureText(candidate, size, bold) <= maxWidth)
            {
                return candidate;
            }
        }

        return "…";
    }

    /// <summary>Words of <paramref name="text"/> wrapped into lines no wider than <paramref name="maxWidth"/>.</summary>
    public IReadOnlyList<string> Wrap(string text, float size, float maxWidth, bool bold = false)
    {
        var lines = new List<string>();
        var line = string.Empty;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && MeasureText(candidate, size, bold) > maxWidth)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = candidate;
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>Draws an emoji (or any short text) as large as fits <paramref name="box"/>, centred in it.</summary>
    public void Emoji(string emoji, SKRect box)
    {
        const float probe = 100f;
        var width = Math.Max(1f, MeasureText(emoji, probe));
        var size = Math.Min(box.Height * 0.8f, box.Width / width * probe * 0.95f);
        using var font = new SKFont(Fonts.Emoji, size);
        var metrics = font.Metrics;
        var baseline = box.MidY - (metrics.Ascent + metrics.Descent) / 2;
        Text(emoji, box.MidX, baseline, size, SKColors.Black, align: TextAlign.Center);
    }

    /// <summary>Draws another picture (PNG or JPEG bytes) scaled into <paramref name="box"/>, rounded when <paramref name="radius"/> &gt; 0.</summary>
    public void Image(byte[] encoded, SKRect box, float radius = 0)
    {
        using var image = PngImage.Decode(encoded);
        Image(image, box, radius);
    }

    /// <summary>Draws a decoded picture scaled into <paramref name="box"/>.</summary>
    public void Image(SKImage image, SKRect box, float radius = 0)
    {
        _canvas.Save();
        if (radius > 0)
        {
            using var clip = new SKRoundRect(box, radius);
            _canvas.ClipRoundRect(clip, antialias: true);
        }

        using var paint = new SKPaint { IsAntialias = true };
        _canvas.DrawImage(image, box, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), paint);
        _canvas.Restore();
    }

    /// <summary>The picture as PNG bytes; <paramref name="texts"/> become <c>tEXt</c> chunks.</summary>
    public byte[] ToPng(IReadOnlyList<KeyValuePair<string, string>>? texts = null)
    {
        _canvas.Flush();
        return PngImage.Encode(_bitmap, texts);
    }

    /// <summary>The picture as JPEG bytes at <paramref name="quality"/> (0-100).</summary>
    public byte[] ToJpeg(int quality = 90)
    {
        _canvas.Flush();
        return PngImage.EncodeJpeg(_bitmap, quality);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _canvas.Dispose();
        _bitmap.Dispose();
    }

    private IReadOnlyList<TextRuns.Run> Runs(string text, bool bold)
    {
        using var probe = new SKFont(bold ? Fonts.Bold : Fonts.Sans, 12);
        return TextRuns.Split(text, cp => probe.ContainsGlyphs(char.ConvertFromUtf32(cp)));
    }

    private SKFont FontFor(TextRuns.Run run, float size, bool bold) =>
        new(run.Emoji ? Fonts.Emoji : bold ? Fonts.Bold : Fonts.Sans, size)
        {
            Edging = SKFontEdging.Antialias,
            Hinting = SKFontHinting.None,
            Subpixel = false,
            EmbeddedBitmaps = run.Emoji,
        };
}
