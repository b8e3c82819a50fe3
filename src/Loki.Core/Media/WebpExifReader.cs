using System.Buffers.Binary;
using System.Text;
using Loki.Core.Diagnostics;

namespace Loki.Core.Media;

/// <summary>
/// Reads the <c>key:value</c> ASCII tags of a WebP's EXIF chunk the way the ComfyUI frontend does
/// (<c>src/scripts/pnginfo.ts getWebpMetadata</c>): the RIFF <c>EXIF</c> chunk, an optional <c>Exif\0\0</c> prefix,
/// a TIFF header in either byte order, then every ASCII (type 2) entry of IFD0 split at its first colon.
/// ComfyUI's SaveAnimatedWEBP writes <c>prompt:</c> in tag 0x0110 and <c>workflow:</c> in 0x010F.
/// </summary>
internal static class WebpExifReader
{
    private const int MaxExifChunk = 256 * 1024 * 1024;

    /// <summary>Reads the EXIF text tags of the WebP in <paramref name="stream"/>, positioned at its start.</summary>
    public static Dictionary<string, string> Read(Stream stream, string file)
    {
        var header = new byte[12];
        if (stream.ReadAtLeast(header, 12, throwOnEndOfStream: false) < 12
            || !header.AsSpan(0, 4).SequenceEqual("RIFF"u8) || !header.AsSpan(8, 4).SequenceEqual("WEBP"u8))
        {
            throw Error(LokiCodes.MediaUnknownFormat, "not a WebP file (no RIFF/WEBP header)", file);
        }

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var chunkHeader = new byte[8];
        long offset = 12;
        while (true)
        {
            var got = stream.ReadAtLeast(chunkHeader, 8, throwOnEndOfStream: false);
            if (got < 8)
            {
                break; // end of the chunk list (a trailing pad byte or nothing)
            }

            var fourcc = Encoding.Latin1.GetString(chunkHeader, 0, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunkHeader.AsSpan(4));
            var padded = (long)size + (size & 1);
            if (stream.CanSeek && offset + 8 + size > stream.Length)
            {
                throw Error(LokiCodes.MediaTruncated, $"WebP chunk '{fourcc}' at byte {offset} declares {size} bytes, past the end of the file", file);
            }

            if (fourcc == "EXIF")
            {
                if (size > MaxExifChunk)
                {
                    throw Error(LokiCodes.MediaBadExif, $"WebP chunk 'EXIF' at byte {offset} is {size} bytes, more than LOKI reads", file);
                }

                var data = new byte[size];
                if (stream.ReadAtLeast(data, data.Length, throwOnEndOfStream: false) < data.Length)
                {
                    throw Error(LokiCodes.MediaTruncated, $"WebP chunk 'EXIF' at byte {offset} is cut off", file);
                }

                foreach (var (key, value) in ReadExif(data, offset + 8, file))
                {
                    texts[key] = value;
                }

                Skip(stream, padded - size);
            }
            else
            {
                Skip(stream, padded);
            }

            offset += 8 + padded;
        }

        return texts;
    }

    /// <summary>Parses an EXIF block (with or without the <c>Exif\0\0</c> prefix) into its <c>key:value</c> ASCII tags.</summary>
    internal static IEnumerable<KeyValuePair<string, string>> ReadExif(ReadOnlySpan<byte> block, long at, string file)
    {
        var tiff = block.StartsWith("Exif\0\0"u8) ? block[6..] : block;
        if (tiff.Length < 8)
        {
            throw Error(LokiCodes.MediaBadExif, $"EXIF block at byte {at} is too short for a TIFF header", file);
        }

        bool little;
        if (tiff[0] == (byte)'I' && tiff[1] == (byte)'I')
        {
            little = true;
        }
        else if (tiff[0] == (byte)'M' && tiff[1] == (byte)'M')
        {
            little = false;
        }
        else
        {
            throw Error(LokiCodes.MediaBadExif, $"EXIF block at byte {at} has no byte order mark (II or MM)", file);
        }

        var ifd = ReadU32(tiff, 4, little);
        if (ifd > (uint)tiff.Length - 2)
        {
            throw Error(LokiCodes.MediaBadExif, $"EXIF block at byte {at}: IFD0 offset {ifd} lies outside the block", file);
        }

        var count = ReadU16(tiff, (int)ifd, little);
        var result = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < count; i++)
        {
            var entry = (int)ifd + 2 + (i * 12);
            if (entry + 12 > tiff.Length)
            {
                throw Error(LokiCodes.MediaBadExif, $"EXIF block at byte {at}: IFD0 entry {i} lies outside the block", file);
            }

            var type = ReadU16(tiff, entry + 2, little);
            if (type != 2)
            {
                continue;
            }

            var length = ReadU32(tiff, entry + 4, little);
            // Values of up to four bytes sit in the entry itself (TIFF 6.0 §2), longer ones at an offset.
            var valueAt = length <= 4 ? (uint)(entry + 8) : ReadU32(tiff, entry + 8, little);
            if (length == 0 || valueAt > (uint)tiff.Length || length > (uint)tiff.Length - valueAt)
            {
                throw Error(LokiCodes.MediaBadExif, $"EXIF block at byte {at}: tag 0x{ReadU16(tiff, entry, little):X4} points outside the block", file);
            }

            var text = MediaText.Decode(tiff.Slice((int)valueAt, (int)length).TrimEnd((byte)0));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                result.Add(KeyValuePair.Create(text[..colon], text[(colon + 1)..]));
            }
        }

        return result;
    }

    private static void Skip(Stream stream, long count)
    {
        if (count <= 0)
        {
            return;
        }

        if (stream.CanSeek)
        {
            stream.Seek(count, SeekOrigin.Current);
            return;
        }

        var buffer = new byte[Math.Min(count, 64 * 1024)];
        while (count > 0 && stream.Read(buffer, 0, (int)Math.Min(count, buffer.Length)) is var n and > 0)
        {
            count -= n;
        }
    }

    private static ushort ReadU16(ReadOnlySpan<byte> b, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(b[at..]) : BinaryPrimitives.ReadUInt16BigEndian(b[at..]);

    private static uint ReadU32(ReadOnlySpan<byte> b, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(b[at..]) : BinaryPrimitives.ReadUInt32BigEndian(b[at..]);

    private static LokiException Error(string code, string message, string file) =>
        new(new LokiDiagnostic(code, DiagnosticSeverity.Error, message, file));
}
