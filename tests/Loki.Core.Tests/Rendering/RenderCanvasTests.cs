using Loki.Core.Diagnostics;
using Loki.Core.Rendering;
using Loki.Tests;
using SkiaSharp;

namespace Loki.Core.Tests.Rendering;

/// <summary>The drawing API: text and colour emoji from the Debian fonts, rounded boxes, deterministic PNG bytes.</summary>
public sealed class RenderCanvasTests
{
    private static byte[] Sample(IReadOnlyList<KeyValuePair<string, string>>? texts = null)
    {
        using var canvas = new RenderCanvas(256, 128, new SKColor(0x20, 0x20, 0x20));
        canvas.RoundedBox(new SKRect(8, 8, 248, 120), 12, new SKColor(0x35, 0x5E, 0x9E), SKColors.White, 2);
        canvas.Emoji("🌫️", new SKRect(16, 24, 96, 104));
        canvas.Text("Image Blur 🌫️", 104, 60, 18, SKColors.White, bold: true);
        canvas.Text("breathing on a window pane, a very long metaphor", 104, 90, 12, SKColors.White, maxWidth: 136);
        canvas.Wire(20, 10, 230, 118, SKColors.Orange);
        return canvas.ToPng(texts);
    }

    [Fact]
    public void SameCallsGiveTheSameBytes() => Assert.Equal(Sample(), Sample());

    [Fact]
    public void EmojiAreDrawnInColourAndTextInWhite()
    {
        var (w, _, rgba) = PngImage.DecodePixels(Sample());
        var emojiColours = 0;
        for (var y = 24; y < 104; y++)
        {
            for (var x = 16; x < 96; x++)
            {
                var i = (y * w + x) * 4;
                var (r, g, b) = (rgba[i], rgba[i + 1], rgba[i + 2]);
                if (Math.Abs(r - 0x35) + Math.Abs(g - 0x5E) + Math.Abs(b - 0x9E) > 60)
                {
                    emojiColours++;
                }
            }
        }

        Assert.True(emojiColours > 500, $"the emoji box has only {emojiColours} pixels off the background: the colour emoji font drew nothing");
        var white = 0;
        for (var y = 44; y < 64; y++)
        {
            for (var x = 104; x < 240; x++)
            {
                var i = (y * w + x) * 4;
                white += rgba[i] > 220 && rgba[i + 1] > 220 && rgba[i + 2] > 220 ? 1 : 0;
            }
        }

        Assert.True(white > 100, "the title text drew no white pixels");
    }

    [Fact]
    public void LongTextIsCutWithAnEllipsisToItsWidth()
    {
        using var canvas = new RenderCanvas(8, 8, SKColors.Black);
        var fitted = canvas.Fit("breathing on a window pane", 12, false, 80);
        Assert.EndsWith("…", fitted);
        Assert.True(canvas.MeasureText(fitted, 12) <= 80);
        Assert.Equal("short", canvas.Fit("short", 12, false, 80));
    }

    [Fact]
    public void TextChunksAreWrittenAndReadBack()
    {
        var png = Sample([KeyValuePair.Create("loki", "{\"generated\":true}")]);
        var texts = PngImage.ReadTexts(png, "sample.png");
        Assert.Equal("{\"generated\":true}", texts["loki"]);
    }

    [Fact]
    public void AMissingFontFileIsACodedError()
    {
        var ex = Assert.Throws<LokiException>(() => RenderFonts.Load("/nonexistent/DejaVuSans.ttf", "fonts-dejavu-core"));
        Assert.Equal(LokiCodes.RenderFontMissing, ex.Diagnostic.Code);
        Assert.Contains("fonts-dejavu-core", ex.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BytesThatAreNotAPictureAreACodedError()
    {
        var ex = Assert.Throws<LokiException>(() => PngImage.Decode([1, 2, 3], "bad.png"));
        Assert.Equal(LokiCodes.RenderImageBad, ex.Diagnostic.Code);
    }

    [Fact]
    public void LooksLikeItsGoldenPicture() => GoldenImage.AssertMatches(Sample(), "Loki.Core.Tests", "Rendering/canvas-sample.png");
}
