using System.Text.Json;

namespace Loki.Core.Schemas;

/// <summary>
/// Where each class of an <c>/object_info</c> dump is in its UTF-8 bytes, found by one pass of
/// <see cref="Utf8JsonReader"/> that skips every definition without building it (issue 10: <c>--schemas</c> pays only
/// for the classes a workflow uses). Each definition is judged as <see cref="NodeSchemaParser.TryParse"/> judges it
/// (the same problem text), so the warnings for skipped definitions come out at once, in the dump's order.
/// </summary>
/// <remarks>
/// A class written twice keeps its first place and its last text, as the eager parse does (a repeated key keeps its
/// last value, like JavaScript's <c>JSON.parse</c>). Text the eager parse would read differently or reject (not UTF-8,
/// another encoding's byte order mark, bad JSON, a root that is not an object) gives no index: the caller parses it
/// the eager way, which reports the same error as before.
/// </remarks>
internal sealed class DumpIndex
{
    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 512,
    };

    private readonly DumpFileText? _file;
    private readonly Dictionary<string, int>? _place;

    private DumpIndex(ReadOnlyMemory<byte> utf8, DumpFileText? file, IReadOnlyList<DumpEntry> entries, Dictionary<string, int>? place = null)
    {
        Utf8 = utf8;
        _file = file;
        Entries = entries;
        _place = place;
    }

    /// <summary>The dump's bytes (without a byte order mark); empty for an index on a file (<see cref="OnFile"/>).</summary>
    public ReadOnlyMemory<byte> Utf8 { get; }

    /// <summary>True for an index on a file (<see cref="OnFile"/>): its entries came from a cached index and carry its marks.</summary>
    public bool IsOnFile => _file is not null;

    /// <summary>One entry per class, in the order of the dump's keys.</summary>
    public IReadOnlyList<DumpEntry> Entries { get; }

    /// <summary>An index worked out before (the shipped catalogue's compact form): taken as it is.</summary>
    public static DumpIndex Trusted(ReadOnlyMemory<byte> utf8, IReadOnlyList<DumpEntry> entries) => new(utf8, null, entries);

    /// <summary>
    /// The dump <paramref name="file"/>, whose definitions are read from it when asked for, for entries found elsewhere
    /// (<see cref="DumpIndexTable"/>); it has no <see cref="Entries"/> of its own.
    /// </summary>
    public static DumpIndex OnFile(DumpFileText file) => new(ReadOnlyMemory<byte>.Empty, file, []);

    /// <summary>The entry of <paramref name="classType"/> in an index made by <see cref="TryBuild"/>, or null when the dump has no such key.</summary>
    public DumpEntry? Find(string classType) => _place!.TryGetValue(classType, out var at) ? Entries[at] : null;

    /// <summary>The text of <paramref name="entry"/>'s definition.</summary>
    public ReadOnlyMemory<byte> TextOf(DumpEntry entry) => _file is null ? Utf8.Slice(entry.Start, entry.Length) : _file.Read(entry.Start, entry.Length, entry.Check);

    /// <summary>Indexes <paramref name="utf8"/>; null when the dump must be read the eager way.</summary>
    public static DumpIndex? TryBuild(ReadOnlyMemory<byte> utf8)
    {
        if (utf8.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }

        // File.ReadAllText honours UTF-16 and UTF-32 byte order marks and turns bad bytes into U+FFFD; so does the
        // eager path, and the reader would do neither.
        var span = utf8.Span;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])
            || span.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]) || !IsUtf8(span))
        {
            return null;
        }

        try
        {
            return Scan(utf8);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// <see cref="System.Text.Unicode.Utf8.IsValid"/>, run by run: an ASCII byte never sits inside a multi-byte sequence,
    /// so the text is UTF-8 exactly when each run of non-ASCII bytes is, and the ASCII between runs is skipped by a
    /// vector search. (Checked whole, a dump's first run spent ~9 % of its time here: past the first non-ASCII byte the
    /// whole-text check walks the rest far below memory speed in the native build.)
    /// </summary>
    internal static bool IsUtf8(ReadOnlySpan<byte> text)
    {
        while (text.IndexOfAnyExceptInRange((byte)0, (byte)0x7F) is var start and >= 0)
        {
            text = text[start..];
            var length = text.IndexOfAnyInRange((byte)0, (byte)0x7F) is var end and >= 0 ? end : text.Length;
            if (!System.Text.Unicode.Utf8.IsValid(text[..length]))
            {
                return false;
            }

            text = text[length..];
        }

        return true;
    }

    private static DumpIndex? Scan(ReadOnlyMemory<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8.Span, ReaderOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var entries = new List<DumpEntry>();
        var place = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var classType = reader.GetString()!;
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            var problem = Judge(ref reader);
            var entry = new DumpEntry(classType, start, (int)reader.BytesConsumed - start, problem);
            if (place.TryGetValue(classType, out var at))
            {
                entries[at] = entry;
            }
            else
            {
                place[classType] = entries.Count;
                entries.Add(entry);
            }
        }

        // Anything after the root object other than white space is an error the eager parse reports.
        return reader.Read() ? null : new DumpIndex(utf8, null, entries, place);
    }

    /// <summary>Reads past one definition; returns why it is not one (the words of NodeSchemaParser), or null.</summary>
    private static string? Judge(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return NodeSchemaParser.NotAnObject;
        }

        // The eager check: 'input' must be an object or missing (JSON null counts as missing), and a definition
        // with neither 'input' nor 'output' is none. A key written twice counts with its last value.
        JsonTokenType? input = null;
        var hasOutput = false;
        var depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            var isInput = reader.ValueTextEquals("input"u8);
            var isOutput = !isInput && reader.ValueTextEquals("output"u8);
            reader.Read();
            if (isInput)
            {
                input = reader.TokenType == JsonTokenType.Null ? null : reader.TokenType;
            }
            else if (isOutput)
            {
                hasOutput = reader.TokenType != JsonTokenType.Null;
            }

            reader.Skip();
        }

        return input is not (null or JsonTokenType.StartObject) || (input is null && !hasOutput) ? NodeSchemaParser.NoInputObject : null;
    }
}
