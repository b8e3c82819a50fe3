using System.Buffers.Binary;
using System.IO.Compression;
using Loki.Core.Media;

namespace Loki.Core.Packaging.Flows;

/// <summary>Encodes an RGB raster as PNG; the same pixels always give the same bytes (no time or text chunks).</summary>
public static class PngWriter
{
    /// <summary>Encodes <paramref name="rgb"/> (<paramref name="width"/> × <paramref name="height"/> × 3 bytes, row major).</summary>
    public static byte[] Encode(int width, int height, byte[] rgb)
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;  // bit depth
        ihdr[9] = 2;  // colour type: truecolour
        PngChunk.Write(output, "IHDR"u8, ihdr);

        using var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                z.WriteByte(0); // filter: none
                z.Write(rgb, y * width * 3, width * 3);
            }
        }

        PngChunk.Write(output, "IDAT"u8, raw.ToArray());
        PngChunk.Write(output, "IEND"u8, []);
        return output.ToArray();
    }
}
