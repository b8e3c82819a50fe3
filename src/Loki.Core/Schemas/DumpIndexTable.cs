using System.Buffers;
using System.Buffers.Binary;

namespace Loki.Core.Schemas;

/// <summary>
/// A <see cref="DumpIndexCache"/> file (its layout: <see cref="DumpIndexFile"/>) kept open and read piece by piece:
/// its header once, when opened (magic, checksum, path, identity: any fault is a miss), then per class asked for one
/// table entry and one bucket, each checked as it is read. A run pays for the classes it meets, not for the dump's
/// size. A piece that fails its check (a file cut short, altered or swapped under the run) is
/// <see cref="Lookup.Damaged"/>: the caller reads the dump itself instead (<see cref="CachedDump"/>).
/// </summary>
/// <remarks>Read with <c>pread</c> (<see cref="ReadOnlyFile"/>), not mapped: a cache file cut short under a mapping would kill the run (<c>SIGBUS</c>).</remarks>
internal sealed partial class DumpIndexTable
{
    private const int FirstRead = 1024;
    private const int StackBucket = 1024;

    private readonly ReadOnlyFile _file;
    private readonly ulong _header;
    private readonly int _tableAt;
    private readonly int _buckets;
    private readonly int _definitionCount;
    private readonly long _jsonLength;

    private DumpIndexTable(ReadOnlyFile file, ulong header, int tableAt, int buckets, int definitionCount, int skipped, long jsonLength, IReadOnlyList<DumpEntry> skips)
    {
        (_file, _header, _tableAt, _buckets, _definitionCount, _jsonLength) = (file, header, tableAt, buckets, definitionCount, jsonLength);
        Skipped = skipped;
        Skips = skips;
    }

    /// <summary>What a look-up found.</summary>
    public enum Lookup
    {
        /// <summary>The dump has no definition of the class.</summary>
        Absent,

        /// <summary>The class's entry was found.</summary>
        Found,

        /// <summary>The piece read fails its check: the index cannot say.</summary>
        Damaged,
    }

    /// <summary>The bytes before the dump's JSON (3 for a byte order mark, else 0).</summary>
    public int Skipped { get; }

    /// <summary>Every entry that is no definition, in the dump's order (read and checked with the header).</summary>
    public IReadOnlyList<DumpEntry> Skips { get; }

    /// <summary>Looks up <paramref name="classType"/>: its entry when <see cref="Lookup.Found"/>.</summary>
    public Lookup Find(string classType, out DumpEntry entry)
    {
        entry = default;
        var most = classType.Length * 3;
        byte[]? rentedName = null;
        byte[]? rentedRecords = null;
        Span<byte> name = most <= 512 ? stackalloc byte[512] : (rentedName = ArrayPool<byte>.Shared.Rent(most));
        try
        {
            var length = DumpIndexFile.Utf8(classType, name);
            if (length < 0)
            {
                // No name in a dump index is without UTF-8 (such a dump is never stored), so none is this one.
                return Lookup.Absent;
            }

            name = name[..length];

            var bucket = DumpIndexFile.BucketOf(name, _buckets);
            if (Slot(bucket) is not { } slot)
            {
                return Lookup.Damaged;
            }

            var records = slot.Length <= StackBucket ? stackalloc byte[StackBucket] : (rentedRecords = ArrayPool<byte>.Shared.Rent(slot.Length));
            records = records[..slot.Length];
            if (!ReadRecords(bucket, slot, records))
            {
                return Lookup.Damaged;
            }

            for (var at = 0; at < records.Length; at = Next(records, at))
            {
                if (Next(records, at) < 0)
                {
                    return Lookup.Damaged;
                }

                if (NameOf(records, at).SequenceEqual(name))
                {
                    entry = EntryOf(records, at, classType);
                    return Sound(entry) ? Lookup.Found : Lookup.Damaged;
                }
            }

            return Lookup.Absent;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            return Lookup.Damaged;
        }
        finally
        {
            Return(rentedName);
            Return(rentedRecords);
        }
    }

    /// <summary>Every class with a definition, in the dump's order; null when a piece fails its check.</summary>
    public IReadOnlyList<DumpEntry>? Definitions()
    {
        var all = new DumpEntry?[_definitionCount];
        try
        {
            for (var bucket = 0; bucket < _buckets; bucket++)
            {
                if (Slot(bucket) is not { } slot)
                {
                    return null;
                }

                var records = new byte[slot.Length];
                if (!ReadRecords(bucket, slot, records))
                {
                    return null;
                }

                for (var at = 0; at < records.Length; at = Next(records, at))
                {
                    var number = Next(records, at) < 0 ? -1 : BinaryPrimitives.ReadInt32LittleEndian(records.AsSpan(at + 12));
                    if (number < 0 || number >= all.Length || all[number] is not null || !System.Text.Unicode.Utf8.IsValid(NameOf(records, at)))
                    {
                        return null;
                    }

                    all[number] = EntryOf(records, at, DumpReader.StrictUtf8.GetString(NameOf(records, at)));
                    if (!Sound(all[number]!.Value))
                    {
                        return null;
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            return null;
        }

        return all.Contains(null) ? null : [.. all.Select(e => e!.Value)];
    }

    // The table entry of 'bucket': where its records are, how many bytes, what they hash to; null when it cannot be read.
    private (int Offset, int Length, uint Check)? Slot(int bucket)
    {
        Span<byte> slot = stackalloc byte[DumpIndexFile.TableEntryBytes];
        if (ReadAt(_file, slot, _tableAt + ((long)bucket * DumpIndexFile.TableEntryBytes)) != slot.Length)
        {
            return null;
        }

        var (offset, length) = (BinaryPrimitives.ReadInt32LittleEndian(slot), BinaryPrimitives.ReadInt32LittleEndian(slot[4..]));
        return offset < _tableAt || length < 0 || length > 1 << 26 ? null : (offset, length, BinaryPrimitives.ReadUInt32LittleEndian(slot[8..]));
    }

    // Reads the records of 'bucket' into 'into' (as long as they are) and checks them against the table's hash.
    private bool ReadRecords(int bucket, (int Offset, int Length, uint Check) slot, Span<byte> into) =>
        ReadAt(_file, into, slot.Offset) == slot.Length && DumpIndexFile.BucketCheck(into, _header, bucket, slot.Offset) == slot.Check;

    // Where the record after the one at 'at' starts; -1 when the record runs past the bucket.
    private static int Next(ReadOnlySpan<byte> records, int at)
    {
        if (records.Length - at < DumpIndexFile.RecordBytes)
        {
            return -1;
        }

        var nameLength = BinaryPrimitives.ReadInt32LittleEndian(records[(at + DumpIndexFile.NameLengthAt)..]) & DumpIndexFile.NameLengthBits;
        return nameLength > records.Length - at - DumpIndexFile.RecordBytes ? -1 : at + DumpIndexFile.RecordBytes + nameLength;
    }

    private static ReadOnlySpan<byte> NameOf(ReadOnlySpan<byte> records, int at) =>
        records.Slice(at + DumpIndexFile.RecordBytes, BinaryPrimitives.ReadInt32LittleEndian(records[(at + DumpIndexFile.NameLengthAt)..]) & DumpIndexFile.NameLengthBits);

    private static DumpEntry EntryOf(ReadOnlySpan<byte> records, int at, string classType)
    {
        var nameLength = BinaryPrimitives.ReadInt32LittleEndian(records[(at + DumpIndexFile.NameLengthAt)..]);
        return new DumpEntry(classType, BinaryPrimitives.ReadInt32LittleEndian(records[at..]), BinaryPrimitives.ReadInt32LittleEndian(records[(at + 4)..]), null,
            BinaryPrimitives.ReadUInt32LittleEndian(records[(at + 8)..]), (nameLength & DumpIndexFile.TwinBit) != 0, (nameLength & DumpIndexFile.FitBit) != 0);
    }

    // A definition's place lies inside the dump's JSON.
    private bool Sound(DumpEntry entry) => entry.Start >= 0 && entry.Length > 0 && entry.Start + (long)entry.Length <= _jsonLength;

    private static void Return(byte[]? rented)
    {
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static int ReadAt(ReadOnlyFile file, Span<byte> into, long offset) => file.Read(into, offset);
}
