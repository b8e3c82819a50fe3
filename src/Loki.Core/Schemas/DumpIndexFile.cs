using System.Buffers.Binary;
using System.IO.Hashing;

namespace Loki.Core.Schemas;

/// <summary>
/// Writes one <see cref="DumpIndexCache"/> file, little-endian (read back piece by piece by <see cref="DumpIndexTable"/>):
/// <code>
/// header   "LOKIDIX7"  u64 XxHash3 of the rest of the header, seeded with the shipped catalogue's identity
///          header length i32 (from the file's start)   path (i32 length, UTF-8)
///          device u64  inode u64  size i64  mtime ns i64  ctime ns i64  bytes before the JSON (a BOM) i32
///          definitions N i32   buckets B i32 (a power of two, about N / 2)
///          skipped entries P i32, then P × (problem i32, name length i32, UTF-8 name): each entry that is no
///          definition (warned about at load), in the dump's order
/// table    B × (offset i32, length i32, check u32): each bucket's records, and the low 32 bits of their XxHash3 seeded
///          with the header's hash, the bucket's number and its offset (a bucket of another file, or another bucket, never passes)
/// buckets  the records of the classes whose XxHash3 of the UTF-8 name falls in the bucket (hash mod B):
///          start i32, length i32, check u32, number i32, name length i32, UTF-8 name   a definition's text in the dump,
///          the low 32 bits of its XxHash3 (a read is checked against it), its place in the dump's order; the name
///          length's top bit: the text is the catalogue's, white space aside; the next bit: it is not, but it has the
///          catalogue's WidgetFitKey
/// </code>
/// A run reads the header once and, per class it meets, one table entry and one bucket (a few hundred bytes), each
/// checked as it is read: nothing grows with the dump but the file. The magic names the format and what an index means
/// (how <see cref="DumpIndex"/> judges entries): change it when either changes, and every older file is a miss.
/// </summary>
internal static class DumpIndexFile
{
    /// <summary>The bytes of one table entry.</summary>
    public const int TableEntryBytes = 12;

    /// <summary>The bytes of a record before its name.</summary>
    public const int RecordBytes = 20;

    /// <summary>Where a record's name length is (after its start, length, check and number).</summary>
    public const int NameLengthAt = 16;

    /// <summary>The bits of a record's name length that are the length (the top two mark a catalogue twin and a catalogue's fit).</summary>
    public const int NameLengthBits = 0x3FFFFFFF;

    /// <summary>The name length's bit that marks a catalogue twin.</summary>
    public const int TwinBit = int.MinValue;

    /// <summary>The name length's bit that marks a definition with the catalogue's <see cref="WidgetFitKey"/>.</summary>
    public const int FitBit = 0x40000000;

    /// <summary>The first 8 bytes.</summary>
    public static ReadOnlySpan<byte> Magic => "LOKIDIX7"u8;

    /// <summary>The problems an entry can have, by number (0: none).</summary>
    public static readonly string?[] Problems = [null, NodeSchemaParser.NotAnObject, NodeSchemaParser.NoInputObject];

    /// <summary>
    /// The header's checksum, seeded with the identity of the catalogue this build ships (<see cref="SchemaSet.CatalogueIdentity"/>):
    /// the twin marks were judged against that catalogue, so an index written by a build with another one is a miss; and
    /// with the rule of <see cref="WidgetFitKey"/>, by which the fit marks were judged.
    /// </summary>
    public static ulong Checksum(ReadOnlySpan<byte> header) => XxHash3.HashToUInt64(header, (long)(SchemaSet.CatalogueIdentity ^ WidgetFitKey.Rule));

    /// <summary>
    /// What the records of bucket <paramref name="bucket"/>, at <paramref name="offset"/> in the file whose header hashes
    /// to <paramref name="header"/>, must hash to (an empty bucket's place is checked too: no altered byte goes unseen).
    /// </summary>
    public static uint BucketCheck(ReadOnlySpan<byte> records, ulong header, int bucket, int offset) =>
        (uint)XxHash3.HashToUInt64(records, (long)(header ^ (((ulong)(uint)offset << 32) | (uint)bucket)));

    /// <summary>
    /// Writes <paramref name="text"/> as UTF-8 into <paramref name="into"/> (3 bytes a char is always room): the bytes
    /// written, or -1 where it has no UTF-8 (a lone surrogate). What <see cref="DumpReader.StrictUtf8"/> gives, without
    /// its encoder object, whose set-up was a tenth of a warm run's extra work (issue 10).
    /// </summary>
    public static int Utf8(ReadOnlySpan<char> text, Span<byte> into) =>
        System.Text.Unicode.Utf8.FromUtf16(text, into, out _, out var written, replaceInvalidSequences: false) == System.Buffers.OperationStatus.Done ? written : -1;

    /// <summary>The bucket of a class name's UTF-8 in a table of <paramref name="buckets"/> (a power of two).</summary>
    public static int BucketOf(ReadOnlySpan<byte> name, int buckets) => (int)(XxHash3.HashToUInt64(name) & (ulong)(buckets - 1));

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
        var definitions = new List<(DumpEntry Entry, byte[] Name)>();
        var problems = new List<(int Problem, byte[] Name)>();
        try
        {
            foreach (var entry in entries)
            {
                var name = DumpReader.StrictUtf8.GetBytes(entry.ClassType);
                var problem = Array.IndexOf(Problems, entry.Problem);
                if (problem < 0)
                {
                    return null;
                }

                if (problem == 0)
                {
                    definitions.Add((entry, name));
                }
                else
                {
                    problems.Add((problem, name));
                }
            }
        }
        catch (System.Text.EncoderFallbackException)
        {
            return null;
        }

        var output = new MemoryStream();
        var writer = new BinaryWriter(output);
        writer.Write(Magic);
        writer.Write(0UL);
        writer.Write(0);
        var path = DumpReader.StrictUtf8.GetBytes(fullPath);
        writer.Write(path.Length);
        writer.Write(path);
        writer.Write(identity.Device);
        writer.Write(identity.Inode);
        writer.Write(identity.Size);
        writer.Write(identity.ModifiedNs);
        writer.Write(identity.ChangedNs);
        writer.Write(skipped);
        var buckets = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, definitions.Count / 2));
        writer.Write(definitions.Count);
        writer.Write(buckets);
        writer.Write(problems.Count);
        foreach (var (problem, name) in problems)
        {
            writer.Write(problem);
            writer.Write(name.Length);
            writer.Write(name);
        }

        writer.Flush();
        var headerLength = (int)output.Length;
        var header = output.GetBuffer();
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(16), headerLength);
        var headerHash = Checksum(header.AsSpan(16, headerLength - 16));
        BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(8), headerHash);

        // Each bucket's records, then the table that finds and checks them.
        var members = new List<int>[buckets];
        for (var i = 0; i < definitions.Count; i++)
        {
            (members[BucketOf(definitions[i].Name, buckets)] ??= []).Add(i);
        }

        var records = new MemoryStream();
        var recordWriter = new BinaryWriter(records);
        var table = new byte[buckets * TableEntryBytes];
        var recordsAt = headerLength + table.Length;
        for (var b = 0; b < buckets; b++)
        {
            var start = (int)records.Length;
            foreach (var i in members[b] ?? [])
            {
                var (entry, name) = definitions[i];

                // Judged once here, so a later run reuses the catalogue's parsed definition without reading this text.
                var text = json.Slice(entry.Start, entry.Length);
                var catalogue = catalogueText(entry.ClassType);
                var twin = catalogue is { } own && JsonWhiteSpace.SameTokens(text, own.Span);
                recordWriter.Write(entry.Start);
                recordWriter.Write(entry.Length);
                recordWriter.Write(Check(text));
                recordWriter.Write(i);
                var fits = false;
                if (catalogue is { } theirs && !twin)
                {
                    var key = WidgetFitKey.Of(text);
                    fits = key != 0 && key == WidgetFitKey.Of(theirs.Span);
                }
                recordWriter.Write(name.Length | (twin ? TwinBit : 0) | (fits ? FitBit : 0));
                recordWriter.Write(name);
            }

            recordWriter.Flush();
            var length = (int)records.Length - start;
            var entryAt = table.AsSpan(b * TableEntryBytes);
            BinaryPrimitives.WriteInt32LittleEndian(entryAt, recordsAt + start);
            BinaryPrimitives.WriteInt32LittleEndian(entryAt[4..], length);
            BinaryPrimitives.WriteUInt32LittleEndian(entryAt[8..], BucketCheck(records.GetBuffer().AsSpan(start, length), headerHash, b, recordsAt + start));
        }

        return [.. header.AsSpan(0, headerLength), .. table, .. records.GetBuffer().AsSpan(0, (int)records.Length)];
    }
}
