using System.Buffers.Binary;

namespace Loki.Core.Media;

/// <summary>Writes one PNG chunk: length, type, data and the CRC-32 of type and data.</summary>
internal static class PngChunk
{
    /// <summary>Writes a chunk of type <paramref name="type"/> (four ASCII letters) holding <paramref name="data"/>.</summary>
    public static void Write(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> head = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(head, (uint)data.Length);
        type.CopyTo(head[4..]);
        output.Write(head);
        output.Write(data);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.Finish(Crc32.Append(Crc32.Append(Crc32.Seed, type), data)));
        output.Write(crc);
    }
}
