using System.Buffers.Binary;
using System.Text;
using Loki.Core.Diagnostics;

namespace Loki.Core.Media;

/// <summary>
/// Reads the text chunks of a PNG the way the ComfyUI frontend does (<c>src/scripts/metadata/png.ts</c>): every
/// <c>tEXt</c>, <c>iTXt</c> (header parsed, zlib when flagged) and <c>comf</c> chunk gives <c>keyword → text</c>,
/// a later chunk winning over an earlier one. <c>zTXt</c>, which third-party tools write, is read as well. Unlike
/// the frontend every chunk's CRC is checked, so a damaged file is reported instead of half-read.
/// </summary>
internal static class PngTextReader
{
    /// <summary>The eight bytes every PNG starts with.</summary>
    public static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private const int MaxTextChunk = 256 * 1024 * 1024;

    /// <summary>Reads every text chunk of the PNG in <paramref name="stream"/>, positioned after the signature.</summary>
    public static Dictionary<string, string> Read(Stream stream, string file)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var header = new byte[8];
        var crcBytes = new byte[4];
        var skipBuffer = new byte[64 * 1024];
        long offset = Signature.Length;
        while (true)
        {
            var got = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
            if (got == 0)
            {
                break; // no IEND: tolerated, as the frontend does
            }

            if (got < header.Length)
            {
                throw Error(LokiCodes.MediaTruncated, $"PNG chunk header at byte {offset} is cut off", file);
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(header);
            var type = Encoding.Latin1.GetString(header, 4, 4);
            if (length > int.MaxValue || (stream.CanSeek && offset + 12 + length > stream.Length))
            {
                throw Error(LokiCodes.MediaTruncated, $"PNG chunk '{type}' at byte {offset} declares {length} bytes, past the end of the file", file);
            }

            var crc = Crc32.Append(Crc32.Seed, header.AsSpan(4, 4));
            var isText = type is "tEXt" or "zTXt" or "iTXt" or "comf";
            byte[]? data = null;
            if (isText)
            {
                if (length > MaxTextChunk)
                {
                    throw Error(LokiCodes.MediaBadTextChunk, $"PNG chunk '{type}' at byte {offset} is {length} bytes, more than LOKI reads", file);
                }

                data = new byte[length];
                ReadExactly(stream, data, type, offset, file);
                crc = Crc32.Append(crc, data);
            }
            else
            {
                // Stream through chunks we do not keep (IDAT can be tens of megabytes) but still check them.
                var left = (int)length;
                while (left > 0)
                {
                    var n = stream.Read(skipBuffer, 0, Math.Min(left, skipBuffer.Length));
                    if (n <= 0)
                    {
                        throw Error(LokiCodes.MediaTruncated, $"PNG chunk '{type}' at byte {offset} is cut off", file);
                    }

                    crc = Crc32.Append(crc, skipBuffer.AsSpan(0, n));
                    left -= n;
                }
            }

            ReadExactly(stream, crcBytes, type, offset, file);
            if (Crc32.Finish(crc) != BinaryPrimitives.ReadUInt32BigEndian(crcBytes))
            {
                var what = data is not null && KeywordOf(data) is { } kw ? $" ('{kw}')" : string.Empty;
                throw Error(LokiCodes.MediaBadCrc, $"PNG chunk '{type}'{what} at byte {offset} has a bad CRC: the file is damaged", file);
            }

            if (data is not null && ParseText(type, data, offset, file) is { } entry)
            {
                texts[entry.Key] = entry.Value;
            }

            offset += 12 + length;
            if (type == "IEND")
            {
                break;
            }
        }

        return texts;
    }

    private static KeyValuePair<string, string>? ParseText(string type, byte[] data, long offset, string file)
    {
        var nul = Array.IndexOf(data, (byte)0);
        if (nul <= 0)
        {
            return null; // no keyword: nothing the frontend could look up either
        }

        var keyword = Encoding.Latin1.GetString(data, 0, nul);
        var rest = data.AsSpan(nul + 1);
        switch (type)
        {
            case "zTXt":
                if (rest.Length < 1 || rest[0] != 0)
                {
                    throw Error(LokiCodes.MediaBadTextChunk, $"PNG chunk 'zTXt' ('{keyword}') at byte {offset} uses an unknown compression method", file);
                }

                return KeyValuePair.Create(keyword, MediaText.Decode(Inflate(rest[1..], type, keyword, offset, file)));
            case "iTXt":
                return KeyValuePair.Create(keyword, ParseInternational(rest, keyword, offset, file));
            default:
                return KeyValuePair.Create(keyword, MediaText.Decode(rest));
        }
    }

    private static string ParseInternational(ReadOnlySpan<byte> rest, string keyword, long offset, string file)
    {
        // compression flag, compression method, language tag\0, translated keyword\0, text
        if (rest.Length < 2)
        {
            throw Error(LokiCodes.MediaBadTextChunk, $"PNG chunk 'iTXt' ('{keyword}') at byte {offset} has no header", file);
        }

        var compressed = rest[0] == 1;
        var method = rest[1];
        var body = rest[2..];
        for (var field = 0; field < 2; field++)
        {
            var end = body.IndexOf((byte)0);
            if (end < 0)
            {
                throw Error(LokiCodes.MediaBadTextChunk, $"PNG chunk 'iTXt' ('{keyword}') at byte {offset} has an unterminated header", file);
            }

            body = body[(end + 1)..];
        }

        if (!compressed)
        {
            return MediaText.Decode(body);
        }

        if (method != 0)
        {
            throw Error(LokiCodes.MediaBadTextChunk, $"PNG chunk 'iTXt' ('{keyword}') at byte {offset} uses unknown compression method {method}", file);
        }

        return MediaText.Decode(Inflate(body, "iTXt", keyword, offset, file));
    }

    private static byte[] Inflate(ReadOnlySpan<byte> compressed, string type, string keyword, long offset, string file) =>
        MediaText.Inflate(compressed)
        ?? throw Error(LokiCodes.MediaBadTextChunk, $"PNG chunk '{type}' ('{keyword}') at byte {offset} does not decompress", file);

    private static string? KeywordOf(byte[] data)
    {
        var nul = Array.IndexOf(data, (byte)0);
        return nul > 0 && nul < 80 ? Encoding.Latin1.GetString(data, 0, nul) : null;
    }

    private static void ReadExactly(Stream stream, byte[] buffer, string type, long offset, string file)
    {
        if (stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false) < buffer.Length)
        {
            throw Error(LokiCodes.MediaTruncated, $"PNG chunk '{type}' at byte {offset} is cut off", file);
        }
    }

    private static LokiException Error(string code, string message, string file) =>
        new(new LokiDiagnostic(code, DiagnosticSeverity.Error, message, file));
}
