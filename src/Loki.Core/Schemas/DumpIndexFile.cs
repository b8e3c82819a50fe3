using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace Loki.Core.Schemas;

/// <summary>
/// The bytes of one <see cref="DumpIndexCache"/> file, little-endian:
/// <code>
/// "LOKIDIX1"  u64 XxHash3 of everything after it
/// path (i32 length, UTF-8)  device u64  inode u64  size i64  mtime ns i64  ctime ns i64  bytes skipped (a BOM) i32
/// count i32, then per class in the dump's order: start i32  length i32  problem u8 (0 none)  name (i32 length, UTF-8)
/// </code>
/// Read back only when every part checks: magic, checksum, path, identity, and each entry inside the dump.
/// </summary>
internal static class DumpIndexFile
{
    private static readonly byte[] Magic = "LOKIDIX1"u8.ToArray();
    private static readonly string?[] Problems = [null, NodeSchemaParser.NotAnObject, NodeSchemaParser.NoInputObject];

    /// <summary>What a file holds: the index's entries, and how many bytes precede the JSON.</summary>
    public sealed record Contents(IReadOnlyList<DumpEntry> Entries, int Skipped);

    /// <summary>The file for the dump <paramref name="fullPath"/>; null when an entry cannot be written exactly (a name that is no UTF-8, such as a lone surrogate; a problem of no known kind).</summary>
    public static byte[]? Write(string fullPath, DumpFileIdentity identity, int skipped, IReadOnlyList<DumpEntry> entries)
    {
        var body = new List<byte>(64 + (entries.Count * 40));
        try
        {
            Text(body, fullPath);
            foreach (var value in new[] { (long)identity.Device, (long)identity.Inode, identity.Size, identity.ModifiedNs, identity.ChangedNs })
            {
                Int(body, value, 8);
            }

            Int(body, skipped, 4);
            Int(body, entries.Count, 4);
            foreach (var entry in entries)
            {
                var problem = Array.IndexOf(Problems, entry.Problem);
                if (problem < 0)
                {
                    return null;
                }

                Int(body, entry.Start, 4);
                Int(body, entry.Length, 4);
                body.Add((byte)problem);
                Text(body, entry.ClassType);
            }
        }
        catch (EncoderFallbackException)
        {
            return null;
        }

        var bytes = new byte[16 + body.Count];
        Magic.CopyTo(bytes, 0);
        body.CopyTo(bytes, 16);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(8), XxHash3.HashToUInt64(bytes.AsSpan(16)));
        return bytes;
    }

    /// <summary>The contents of <paramref name="bytes"/> when they are a whole, sound index of the dump <paramref name="fullPath"/> as <paramref name="identity"/> says it is now; otherwise null.</summary>
    public static Contents? Read(byte[] bytes, string fullPath, DumpFileIdentity identity)
    {
        if (bytes.Length < 16 || !bytes.AsSpan(0, 8).SequenceEqual(Magic)
            || BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(8)) != XxHash3.HashToUInt64(bytes.AsSpan(16)))
        {
            return null;
        }

        try
        {
            var at = 16;
            var named = Text(bytes, ref at);
            var stored = new DumpFileIdentity((ulong)Long(bytes, ref at), (ulong)Long(bytes, ref at), Long(bytes, ref at), Long(bytes, ref at), Long(bytes, ref at));
            var skipped = Int(bytes, ref at);
            var count = Int(bytes, ref at);
            var jsonLength = identity.Size - skipped;
            if (named != fullPath || stored != identity || skipped is not (0 or 3) || count < 0 || count > bytes.Length)
            {
                return null;
            }

            var entries = new DumpEntry[count];
            for (var i = 0; i < count; i++)
            {
                var (start, length, problem) = (Int(bytes, ref at), Int(bytes, ref at), bytes[at++]);
                if (start < 0 || length <= 0 || start + (long)length > jsonLength || problem >= Problems.Length)
                {
                    return null;
                }

                entries[i] = new DumpEntry(Text(bytes, ref at), start, length, Problems[problem]);
            }

            return at == bytes.Length ? new Contents(entries, skipped) : null;
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or IndexOutOfRangeException or DecoderFallbackException)
        {
            return null;
        }
    }

    private static void Int(List<byte> body, long value, int size)
    {
        for (var i = 0; i < size; i++)
        {
            body.Add((byte)(value >> (8 * i)));
        }
    }

    private static void Text(List<byte> body, string text)
    {
        var utf8 = DumpReader.StrictUtf8.GetBytes(text);
        Int(body, utf8.Length, 4);
        body.AddRange(utf8);
    }

    private static int Int(byte[] bytes, ref int at)
    {
        var value = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at));
        at += 4;
        return value;
    }

    private static long Long(byte[] bytes, ref int at)
    {
        var value = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(at));
        at += 8;
        return value;
    }

    private static string Text(byte[] bytes, ref int at)
    {
        var length = Int(bytes, ref at);
        var text = DumpReader.StrictUtf8.GetString(bytes, at, length);
        at += length;
        return text;
    }
}
