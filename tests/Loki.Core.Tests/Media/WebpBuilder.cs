using System.Buffers.Binary;
using System.Text;

namespace Loki.Core.Tests.Media;

/// <summary>Builds WebP files whose EXIF chunk holds ASCII tags, in either byte order, for reader tests.</summary>
internal static class WebpBuilder
{
    public static byte[] Build(IReadOnlyList<(ushort Tag, string Value)> tags, bool littleEndian, bool exifPrefix)
    {
        var exif = Exif(tags, littleEndian);
        if (exifPrefix)
        {
            exif = [.. "Exif\0\0"u8, .. exif];
        }

        using var ms = new MemoryStream();
        ms.Write("RIFF"u8);
        ms.Write(new byte[4]);
        ms.Write("WEBP"u8);
        Chunk(ms, "VP8X", new byte[10]);
        Chunk(ms, "VP8 ", new byte[7]); // odd size: checks the RIFF pad byte
        Chunk(ms, "EXIF", exif);
        var bytes = ms.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)(bytes.Length - 8));
        return bytes;
    }

    private static void Chunk(Stream s, string fourcc, byte[] data)
    {
        s.Write(Encoding.ASCII.GetBytes(fourcc));
        Span<byte> size = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)data.Length);
        s.Write(size);
        s.Write(data);
        if ((data.Length & 1) == 1)
        {
            s.WriteByte(0);
        }
    }

    private static byte[] Exif(IReadOnlyList<(ushort Tag, string Value)> tags, bool little)
    {
        var values = tags.Select(t => (byte[])[.. Encoding.UTF8.GetBytes(t.Value), 0]).ToList();
        var ifdSize = 2 + (tags.Count * 12) + 4;
        var data = new byte[8 + ifdSize + values.Sum(v => v.Length)];
        void U16(int at, int v) { if (little) BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(at), (ushort)v); else BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(at), (ushort)v); }
        void U32(int at, int v) { if (little) BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(at), (uint)v); else BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(at), (uint)v); }
        data[0] = data[1] = (byte)(little ? 'I' : 'M');
        U16(2, 42);
        U32(4, 8);
        U16(8, tags.Count);
        var valueAt = 8 + ifdSize;
        for (var i = 0; i < tags.Count; i++)
        {
            var entry = 10 + (i * 12);
            U16(entry, tags[i].Tag);
            U16(entry + 2, 2);
            U32(entry + 4, values[i].Length);
            if (values[i].Length <= 4)
            {
                values[i].CopyTo(data, entry + 8);
            }
            else
            {
                U32(entry + 8, valueAt);
                values[i].CopyTo(data, valueAt);
                valueAt += values[i].Length;
            }
        }

        return data;
    }
}
