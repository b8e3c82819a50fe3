using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;

namespace Loki.Core.Schemas;

/// <summary>
/// A <see cref="DumpIndexCache"/> file read back (its layout: <see cref="DumpIndexFile"/>), looked up in place: finding
/// a class hashes its name and compares bytes, and nothing is made for the classes a run never asks for. Only a whole,
/// sound file for the dump as it is now is taken: magic, checksum, path, identity, the table and every entry's bounds
/// are checked when it is read.
/// </summary>
internal sealed class DumpIndexTable
{
    private readonly byte[] _bytes;
    private readonly int _slots;
    private readonly int _slotCount;
    private readonly int _definitions;
    private readonly int _definitionCount;
    private readonly int _problems;
    private readonly int _problemCount;
    private readonly int _names;

    private DumpIndexTable(byte[] bytes, int skipped, (int Slots, int SlotCount, int Definitions, int DefinitionCount, int Problems, int ProblemCount, int Names) layout)
    {
        _bytes = bytes;
        Skipped = skipped;
        (_slots, _slotCount, _definitions, _definitionCount, _problems, _problemCount, _names) = layout;
    }

    /// <summary>The bytes before the dump's JSON (3 for a byte order mark, else 0).</summary>
    public int Skipped { get; }

    /// <summary>Every class with a definition, in the dump's order.</summary>
    public IEnumerable<DumpEntry> Definitions => Enumerable.Range(0, _definitionCount).Select(i => Definition(i, null));

    /// <summary>Every entry that is no definition, in the dump's order.</summary>
    public IEnumerable<DumpEntry> Skips => Enumerable.Range(0, _problemCount).Select(i =>
        new DumpEntry(Name(Int(_problems + (i * 12) + 4), Int(_problems + (i * 12) + 8)), 0, 0, DumpIndexFile.Problems[Int(_problems + (i * 12))]));

    /// <summary>The file <paramref name="bytes"/> when it is a whole, sound index of the dump <paramref name="fullPath"/> as <paramref name="identity"/> says it is now; otherwise null.</summary>
    public static DumpIndexTable? Read(byte[] bytes, string fullPath, DumpFileIdentity identity)
    {
        if (bytes.Length < 16 || !bytes.AsSpan(0, 8).SequenceEqual(DumpIndexFile.Magic)
            || BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(8)) != DumpIndexFile.Checksum(bytes.AsSpan(16)))
        {
            return null;
        }

        try
        {
            var at = 16;
            var pathLength = Next(bytes, ref at);
            var named = DumpReader.StrictUtf8.GetString(bytes, at, pathLength);
            at += pathLength;
            var stored = new DumpFileIdentity((ulong)Next64(bytes, ref at), (ulong)Next64(bytes, ref at), Next64(bytes, ref at), Next64(bytes, ref at), Next64(bytes, ref at));
            var (skipped, definitionCount, problemCount, slotCount) = (Next(bytes, ref at), Next(bytes, ref at), Next(bytes, ref at), Next(bytes, ref at));
            if (named != fullPath || stored != identity || skipped is not (0 or 3) || definitionCount < 0 || problemCount < 0
                || slotCount < 1 || slotCount > (1 << 24) || (slotCount & (slotCount - 1)) != 0 || slotCount <= definitionCount)
            {
                return null;
            }

            var layout = (Slots: at, SlotCount: slotCount, Definitions: at + (DumpIndexFile.SlotBytes(definitionCount) * slotCount), DefinitionCount: definitionCount, Problems: 0, ProblemCount: problemCount, Names: 0);
            layout.Problems = layout.Definitions + (DumpIndexFile.EntryBytes * definitionCount);
            var namesAt = layout.Problems + (12 * problemCount);
            layout.Names = namesAt + 4;
            if (namesAt + 4L > bytes.Length || layout.Names + (long)BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(namesAt)) != bytes.Length)
            {
                return null;
            }

            var table = new DumpIndexTable(bytes, skipped, layout);
            return table.Sound(identity.Size - skipped) ? table : null;
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or System.Text.DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>The entry of <paramref name="classType"/>'s definition, or null when the dump has none.</summary>
    public DumpEntry? Find(string classType)
    {
        var most = DumpReader.StrictUtf8.GetMaxByteCount(classType.Length);
        byte[]? rented = null;
        Span<byte> buffer = most <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(most));
        try
        {
            int length;
            try
            {
                length = DumpReader.StrictUtf8.GetBytes(classType, buffer);
            }
            catch (System.Text.EncoderFallbackException)
            {
                // No name in a dump index is without UTF-8 (such a dump is never stored), so none is this one.
                return null;
            }

            var name = buffer[..length];
            for (var slot = DumpIndexFile.Home(name, _slotCount); ; slot = (slot + 1) & (_slotCount - 1))
            {
                var number = Slot(slot);
                if (number == 0)
                {
                    return null;
                }

                var entry = _definitions + (DumpIndexFile.EntryBytes * (number - 1));
                if (_bytes.AsSpan(_names + Int(entry + 8), Int(entry + 12) & DumpIndexFile.NameLengthBits).SequenceEqual(name))
                {
                    return Definition(number - 1, classType);
                }
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    // Every number points inside the file or the dump, every definition has one slot, every name is UTF-8; the table has
    // empty slots, so no probe runs forever.
    private bool Sound(long jsonLength)
    {
        var namesLength = _bytes.Length - _names;
        var placed = new bool[_definitionCount];
        var used = 0;
        for (var slot = 0; slot < _slotCount; slot++)
        {
            var number = Slot(slot);
            if (number < 0 || number > _definitionCount || (number > 0 && placed[number - 1]))
            {
                return false;
            }

            if (number > 0)
            {
                (placed[number - 1], used) = (true, used + 1);
            }
        }

        for (var i = 0; i < _definitionCount + _problemCount; i++)
        {
            var at = i < _definitionCount ? _definitions + (DumpIndexFile.EntryBytes * i) + 8 : _problems + (12 * (i - _definitionCount)) + 4;
            var (nameAt, nameLength) = (Int(at), Int(at + 4) & DumpIndexFile.NameLengthBits);
            if (nameAt < 0 || nameLength < 0 || nameAt + (long)nameLength > namesLength || !System.Text.Unicode.Utf8.IsValid(_bytes.AsSpan(_names + nameAt, nameLength)))
            {
                return false;
            }

            var (start, length) = i < _definitionCount ? (Int(at - 8), Int(at - 4)) : (0, 1);
            var problem = i < _definitionCount ? 1 : Int(at - 4);
            if (start < 0 || length <= 0 || start + (long)length > jsonLength || problem < 1 || problem >= DumpIndexFile.Problems.Length)
            {
                return false;
            }
        }

        return used == _definitionCount;
    }

    private DumpEntry Definition(int number, string? classType)
    {
        var at = _definitions + (DumpIndexFile.EntryBytes * number);
        var nameLength = Int(at + 12);
        return new DumpEntry(classType ?? Name(Int(at + 8), nameLength & DumpIndexFile.NameLengthBits), Int(at), Int(at + 4), null, (uint)Int(at + 16), (nameLength & ~DumpIndexFile.NameLengthBits) != 0);
    }

    private int Slot(int slot) => DumpIndexFile.SlotBytes(_definitionCount) == 2
        ? BinaryPrimitives.ReadUInt16LittleEndian(_bytes.AsSpan(_slots + (2 * slot)))
        : Int(_slots + (4 * slot));

    private string Name(int at, int length) => DumpReader.StrictUtf8.GetString(_bytes, _names + at, length);

    private int Int(int at) => BinaryPrimitives.ReadInt32LittleEndian(_bytes.AsSpan(at));

    private static int Next(byte[] bytes, ref int at)
    {
        var value = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at));
        at += 4;
        return value;
    }

    private static long Next64(byte[] bytes, ref int at)
    {
        var value = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(at));
        at += 8;
        return value;
    }
}
