using Loki.Core.Diagnostics;
using Loki.Core.Media;
using SkiaSharp;

namespace Loki.Core.Rendering;

/// <summary>
/// Encodes and decodes pictures with SkiaSharp. PNGs are written with fixed zlib settings and no time chunk (the same
/// pixels give the same bytes); text chunks are added by <see cref="PngMetadataWriter"/>, the writer the workflow
/// metadata features use.
/// </summary>
public static class PngImage
{
    /// <summary>PNG bytes of <paramref name="bitmap"/>, with <paramref name="texts"/> as <c>tEXt</c> chunks.</summary>
    public static byte[] Encode(SKBitmap bitmap, IReadOnlyList<KeyValuePair<string, string>>? texts = null)
    {
        using var pixmap = bitmap.PeekPixels();
        using var data = pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 9))
            ?? throw new LokiException(new LokiDiagnostic(LokiCodes.RenderImageBad, DiagnosticSeverity.Error, "SkiaSharp could not encode the picture as PNG", "<png>"));
        var png = data.ToArray();
        return texts is { Count: > 0 } ? PngMetadataWriter.EmbedText(png, texts) : png;
    }

    /// <summary>JPEG bytes of <paramref name="bitmap"/> (no alpha: composed over black by the encoder).</summary>
    public static byte[] EncodeJpeg(SKBitmap bitmap, int quality)
    {
        using var pixmap = bitmap.PeekPixels();
        using var data = pixmap.Encode(new SKJpegEncoderOptions(quality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore))
            ?? throw new LokiException(new LokiDiagnostic(LokiCodes.RenderImageBad, DiagnosticSeverity.Error, "SkiaSharp could not encode the picture as JPEG", "<jpeg>"));
        return data.ToArray();
    }

    /// <summary>PNG bytes of an RGB raster (<paramref name="width"/> × <paramref name="height"/> × 3 bytes, row major).</summary>
    public static byte[] EncodeRgb(int width, int height, ReadOnlySpan<byte> rgb)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var pixels = new byte[width * height * 4];
        for (var i = 0; i < width * height; i++)
        {
            (pixels[i * 4], pixels[i * 4 + 1], pixels[i * 4 + 2], pixels[i * 4 + 3]) = (rgb[i * 3], rgb[i * 3 + 1], rgb[i * 3 + 2], 255);
        }

        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        return Encode(bitmap);
    }

    /// <summary>The text chunks of a PNG (keyword → text); empty for bytes that are not a PNG.</summary>
    public static IReadOnlyDictionary<string, string> ReadTexts(byte[] png, string file = "<png>")
    {
        if (!png.AsSpan().StartsWith(PngTextReader.Signature))
        {
            return new Dictionary<string, string>();
        }

        using var stream = new MemoryStream(png, writable: false) { Position = PngTextReader.Signature.Length };
        return PngTextReader.Read(stream, file);
    }

    /// <summary>Decodes PNG or JPEG bytes. Throws a <see cref="LokiException"/> (LOKI7101) for bytes that are not a picture.</summary>
    public static SKImage Decode(byte[] encoded, string file = "<image>") =>
        SKImage.FromEncodedData(encoded)
        ?? throw new LokiException(new LokiDiagnostic(LokiCodes.RenderImageBad, DiagnosticSeverity.Error, "not a picture SkiaSharp can decode", file));

    /// <summary>Decodes to RGBA pixels (unpremultiplied, row major) with the picture's size.</summary>
    public static (int Width, int Height, byte[] Rgba) DecodePixels(byte[] encoded, string file = "<image>")
    {
        using var image = Decode(encoded, file);
        var info = new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var pixels = new byte[info.BytesSize];
        var handle = System.Runtime.InteropServices.GCHandle.Alloc(pixels, System.Runtime.InteropServices.GCHandleType.Pinned);
        try
        {
            if (!image.ReadPixels(info, handle.AddrOfPinnedObject(), info.RowBytes, 0, 0))
            {
                throw new LokiException(new LokiDiagnostic(LokiCodes.RenderImageBad, DiagnosticSeverity.Error, "could not read the picture's pixels", file));
            }
        }
        finally
        {
            handle.Free();
        }

        return (image.Width, image.Height, pixels);
    }
}
