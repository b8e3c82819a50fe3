using System.IO.Compression;
using System.Text;

namespace Loki.Core.Media;

/// <summary>Text decoding shared by the PNG and WebP readers.</summary>
internal static class MediaText
{
    /// <summary>The most text one chunk may inflate to; guards against compression bombs.</summary>
    public const int MaxInflatedBytes = 256 * 1024 * 1024;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Decodes text the way the frontend does (UTF-8), falling back to Latin-1 (the PNG <c>tEXt</c> encoding)
    /// for bytes that are not UTF-8, instead of replacement characters.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }

    /// <summary>Inflates a zlib stream; returns null when it is corrupt or too large.</summary>
    public static byte[]? Inflate(ReadOnlySpan<byte> compressed)
    {
        try
        {
            using var input = new MemoryStream(compressed.ToArray(), writable: false);
            using var zlib = new ZLibStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = zlib.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + read > MaxInflatedBytes)
                {
                    return null;
                }

                output.Write(buffer, 0, read);
            }

            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
