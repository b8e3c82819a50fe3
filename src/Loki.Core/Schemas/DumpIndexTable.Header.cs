using System.Buffers.Binary;

namespace Loki.Core.Schemas;

/// <summary>The header of a <see cref="DumpIndexTable"/>'s file: read and checked once, when the file is opened.</summary>
internal sealed partial class DumpIndexTable
{
    /// <summary>
    /// The index file <paramref name="index"/>, open, when its header is whole and sound and names the dump
    /// <paramref name="fullPath"/> as <paramref name="identity"/> says it is now; otherwise null (and the file closed).
    /// </summary>
    public static DumpIndexTable? Open(ReadOnlyFile index, string fullPath, DumpFileIdentity identity)
    {
        try
        {
            // Most headers (the path, the identity, the entries that are no definition) fit the first read, made into
            // the stack: a run allocates nothing for it.
            Span<byte> first = stackalloc byte[FirstRead];
            var read = ReadAt(index, first, 0);
            if (read < 20 || !first[..8].SequenceEqual(DumpIndexFile.Magic))
            {
                return null;
            }

            var headerLength = BinaryPrimitives.ReadInt32LittleEndian(first[16..]);
            ReadOnlySpan<byte> header = first;
            if (headerLength < 20 || headerLength > read)
            {
                if (headerLength <= read || headerLength > 1 << 26 || read < FirstRead)
                {
                    return null;
                }

                var whole = new byte[headerLength];
                if (ReadAt(index, whole, 0) != headerLength)
                {
                    return null;
                }

                header = whole;
            }

            var hash = BinaryPrimitives.ReadUInt64LittleEndian(header[8..]);
            return hash == DumpIndexFile.Checksum(header[16..headerLength])
                ? Parse(index, header[..headerLength], hash, fullPath, identity)
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException or System.Text.DecoderFallbackException)
        {
            return null;
        }
    }

    private static DumpIndexTable? Parse(ReadOnlyFile index, ReadOnlySpan<byte> header, ulong hash, string fullPath, DumpFileIdentity identity)
    {
        var at = 20;
        var path = Slice(header, ref at, Int(header, ref at));
        if (path.Length > fullPath.Length * 3)
        {
            return null; // longer than any UTF-8 of this path
        }

        Span<byte> ours = path.Length <= 1024 ? stackalloc byte[1024] : new byte[path.Length];
        var written = DumpIndexFile.Utf8(fullPath, ours[..(fullPath.Length * 3 <= ours.Length ? fullPath.Length * 3 : ours.Length)]);
        if (written < 0 || !path.SequenceEqual(ours[..written]))
        {
            return null;
        }

        var stored = new DumpFileIdentity((ulong)Long(header, ref at), (ulong)Long(header, ref at), Long(header, ref at), Long(header, ref at), Long(header, ref at));
        var (skipped, definitionCount, buckets, problemCount) = (Int(header, ref at), Int(header, ref at), Int(header, ref at), Int(header, ref at));
        if (stored != identity || skipped is not (0 or 3) || definitionCount < 0 || buckets < 1 || (buckets & (buckets - 1)) != 0
            || buckets > (1 << 24) || problemCount < 0 || problemCount > header.Length)
        {
            return null;
        }

        var skips = new DumpEntry[problemCount];
        for (var i = 0; i < problemCount; i++)
        {
            var problem = Int(header, ref at);
            var name = Slice(header, ref at, Int(header, ref at));
            if (problem < 1 || problem >= DumpIndexFile.Problems.Length)
            {
                return null;
            }

            skips[i] = new DumpEntry(DumpReader.StrictUtf8.GetString(name), 0, 0, DumpIndexFile.Problems[problem]);
        }

        return at != header.Length ? null : new DumpIndexTable(index, hash, header.Length, buckets, definitionCount, skipped, identity.Size - skipped, skips);
    }

    private static int Int(ReadOnlySpan<byte> bytes, ref int at)
    {
        var value = BinaryPrimitives.ReadInt32LittleEndian(bytes[at..]);
        at += 4;
        return value;
    }

    private static long Long(ReadOnlySpan<byte> bytes, ref int at)
    {
        var value = BinaryPrimitives.ReadInt64LittleEndian(bytes[at..]);
        at += 8;
        return value;
    }

    private static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> bytes, ref int at, int length)
    {
        var slice = bytes.Slice(at, length);
        at += length;
        return slice;
    }
}
