using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Loki.Core.Tests.Media;

/// <summary>Builds small PNG files chunk by chunk for reader tests (the image itself is a valid 1x1 pixel).</summary>
internal sealed class PngBuilder
{
    private readonly List<(string Type, byte[] Data, bool BadCrc)> _chunks = [];

    public static readonly byte[] Ihdr = [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];

    public static readonly byte[] Idat = ZlibBytes([0, 255, 0, 0]);

    public PngBuilder Chunk(string type, byte[] data, bool badCrc = false)
    {
        _chunks.Add((type, data, badCrc));
        return this;
    }

    public PngBuilder Text(string key, string text) => Chunk("tEXt", [.. Encoding.Latin1.GetBytes(key), 0, .. Encoding.Latin1.GetBytes(text)]);

    public PngBuilder CompressedText(string key, string text) =>
        Chunk("zTXt", [.. Encoding.Latin1.GetBytes(key), 0, 0, .. ZlibBytes(Encoding.Latin1.GetBytes(text))]);

    public PngBuilder InternationalText(string key, string text, bool compress)
    {
        var body = Encoding.UTF8.GetBytes(text);
        return Chunk("iTXt", [.. Encoding.Latin1.GetBytes(key), 0, (byte)(compress ? 1 : 0), 0, .. "en"u8, 0, .. "Workflow"u8, 0, .. compress ? ZlibBytes(body) : body]);
    }

    /// <summary>IHDR, the added chunks, IDAT, IEND.</summary>
    public byte[] Build(bool withIend = true)
    {
        using var ms = new MemoryStream();
        ms.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Write(ms, "IHDR", Ihdr, false);
        foreach (var (type, data, bad) in _chunks)
        {
            Write(ms, type, data, bad);
        }

        Write(ms, "IDAT", Idat, false);
        if (withIend)
        {
            Write(ms, "IEND", [], false);
        }

        return ms.ToArray();
    }

    public static byte[] ZlibBytes(byte[] data)
    {
        using var ms = new MemoryStream();
        using (var z = new ZLibStream(ms, CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(data);
        }

        return ms.ToArray();
    }

    private static void Write(Stream s, string type, byte[] data, bool badCrc)
    {
        Span<byte> head = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(head, (uint)data.Length);
        Encoding.ASCII.GetBytes(type, head[4..]);
        s.Write(head);
        s.Write(data);
        var crc = Loki.Core.Media.Crc32.Compute([.. head[4..].ToArray(), .. data]);
        Span<byte> tail = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(tail, badCrc ? crc ^ 1 : crc);
        s.Write(tail);
    }
}
