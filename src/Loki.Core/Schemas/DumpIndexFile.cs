using System.IO.Hashing;

namespace Loki.Core.Schemas;

/// <summary>
/// Writes one <see cref="DumpIndexCache"/> file, little-endian (read back by <see cref="DumpIndexTable"/>):
/// <code>
/// "LOKIDIX5"  u64 XxHash3 of everything after these 16 bytes, seeded with the shipped catalogue's identity
/// path (i32 length, UTF-8)  device u64  inode u64  size i64  mtime ns i64  ctime ns i64  bytes before the JSON (a BOM) i32
/// definitions N i32  skipped entries P i32  slots T i32 (a power of two, over 1.5 N)
/// T × u16 (i32 when N ≥ 65535)  open-addressed table: XxHash3 of a class's UTF-8 name, linear probing; 0 empty, else 1 + its number
/// N × (start, length, name offset, name length) i32, check u32   each definition's text in the dump, in the dump's order,
///                                                   and the low 32 bits of its XxHash3 (a read is checked against it);
///                                                   the name length's top bit: the text is the catalogue's, white space aside
/// P × (problem, name offset, name length) i32          each entry that is no definition (warned about), in the dump's order
/// names (i32 length, then the UTF-8 names)
/// </code>
/// A run looks up only the classes it meets, in place: nothing is made per class of the dump. The magic names the
/// format and what an index means (how <see cref="DumpIndex"/> judges entries): change it when either changes, and every
/// older file is a miss.
/// </summary>
internal static class DumpIndexFile
{
    /// <summary>The first 8 bytes.</summary>
    public static ReadOnlySpan<byte> Magic => "LOKIDIX5"u8;

    /// <summary>The bytes of one definition's entry.</summary>
    public const int EntryBytes = 20;

    /// <summary>The bits of an entry's name length that are the length (the top bit marks a catalogue twin).</summary>
    public const int NameLengthBits = int.MaxValue;

    /// <summary>
    /// The file's checksum, seeded with the identity of the catalogue this build ships (<see cref="SchemaSet.CatalogueIdentity"/>):
    /// the twin marks were judged against that catalogue, so an index written by a build with another one is a miss.
    /// </summary>
    public static ulong Checksum(ReadOnlySpan<byte> content) => XxHash3.HashToUInt64(content, (long)SchemaSet.CatalogueIdentity);

    /// <summary>The problems an entry can have, by number (0: none).</summary>
    public static readonly string?[] Problems = [null, NodeSchemaParser.NotAnObject, NodeSchemaParser.NoInputObject];

    /// <summary>The bytes of one slot of the table of a dump with <paramref name="definitions"/> definitions (the table stays small: it is read whole every run).</summary>
    public static int SlotBytes(int definitions) => definitions < ushort.MaxValue ? 2 : 4;

    /// <summary>The slot of a class name's UTF-8 in a table of <paramref name="slots"/> (a power of two).</summary>
    public static int Home(ReadOnlySpan<byte> name, int slots) => (int)(XxHash3.HashToUInt64(name) & (ulong)(slots - 1));

    /// <summary>
    /// What a definition's text read back from the dump must hash to: a definition read from a dump changed since it was
    /// indexed is caught at the read, with no look at the file's times per read (one <c>statx</c> per run, at open).
    /// </summary>
    public static uint Check(ReadOnlySpan<byte> text) => (uint)XxHash3.HashToUInt64(text);

    /// <summary>The file for the dump <paramref name="fullPath"/>; null when an entry cannot be written exactly (a name that is no UTF-8, such as a lone surrogate; a problem of no known kind).</summary>
    public static byte[]? Write(string fullPath, DumpFileIdentity identity, int skipped, IReadOnlyList<DumpEntry> entries, ReadOnlySpan<byte> json)
        => Write(fullPath, identity, skipped, entries, json, SchemaSet.CatalogueTextOf);

    /// <summary><see cref="Write(string, DumpFileIdentity, int, IReadOnlyList{DumpEntry}, ReadOnlySpan{byte})"/> with the catalogue's text of a class given (tests).</summary>
    internal static byte[]? Write(string fullPath, DumpFileIdentity identity, int skipped, IReadOnlyList<DumpEntry> entries, ReadOnlySpan<byte> json, Func<string, ReadOnlyMemory<byte>?> catalogueText)
    {
        var names = new MemoryStream();
        var definitions = new List<(DumpEntry Entry, int At, int Length)>();
        var problems = new List<(int Problem, int At, int Length)>();
        try
        {
            foreach (var entry in entries)
            {
                var utf8 = DumpReader.StrictUtf8.GetBytes(entry.ClassType);
                var at = (int)names.Length;
                names.Write(utf8);
                var problem = Array.IndexOf(Problems, entry.Problem);
                if (problem < 0)
                {
                    return null;
                }

                if (problem == 0)
                {
                    definitions.Add((entry, at, utf8.Length));
                }
                else
                {
                    problems.Add((problem, at, utf8.Length));
                }
            }
        }
        catch (System.Text.EncoderFallbackException)
        {
            return null;
        }

        var blob = names.GetBuffer().AsSpan(0, (int)names.Length);
        var slotCount = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(definitions.Count + (definitions.Count / 2) + 1));
        var slots = new int[slotCount];
        for (var i = 0; i < definitions.Count; i++)
        {
            var slot = Home(blob.Slice(definitions[i].At, definitions[i].Length), slotCount);
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & (slotCount - 1);
            }

            slots[slot] = i + 1;
        }

        var output = new MemoryStream();
        using (var writer = new BinaryWriter(output, DumpReader.StrictUtf8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(0UL);
            var path = DumpReader.StrictUtf8.GetBytes(fullPath);
            writer.Write(path.Length);
            writer.Write(path);
            writer.Write(identity.Device);
            writer.Write(identity.Inode);
            writer.Write(identity.Size);
            writer.Write(identity.ModifiedNs);
            writer.Write(identity.ChangedNs);
            writer.Write(skipped);
            writer.Write(definitions.Count);
            writer.Write(problems.Count);
            writer.Write(slotCount);
            foreach (var slot in slots)
            {
                if (SlotBytes(definitions.Count) == 2)
                {
                    writer.Write((ushort)slot);
                }
                else
                {
                    writer.Write(slot);
                }
            }

            foreach (var (entry, at, length) in definitions)
            {
                // Judged once here, so a later run reuses the catalogue's parsed definition without reading this text.
                var text = json.Slice(entry.Start, entry.Length);
                var twin = catalogueText(entry.ClassType) is { } catalogue && JsonWhiteSpace.SameTokens(text, catalogue.Span);
                writer.Write(entry.Start);
                writer.Write(entry.Length);
                writer.Write(at);
                writer.Write(twin ? length | ~NameLengthBits : length);
                writer.Write(Check(text));
            }

            foreach (var (problem, at, length) in problems)
            {
                writer.Write(problem);
                writer.Write(at);
                writer.Write(length);
            }

            writer.Write(blob.Length);
            writer.Write(blob);
        }

        var bytes = output.ToArray();
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(8), Checksum(bytes.AsSpan(16)));
        return bytes;
    }
}
