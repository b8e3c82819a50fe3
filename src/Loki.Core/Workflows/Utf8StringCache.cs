using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Loki.Core.Workflows;

/// <summary>
/// One string per short ASCII text read from parsed documents, per thread: a workflow repeats the same slot names,
/// types, node types and ids hundreds of times, and a string each was most of what reading its views allocated.
/// </summary>
/// <remarks>
/// A direct-mapped table: a clash replaces the older entry, so the table never grows and a lookup is one hash, one
/// comparison. It has 16,384 entries (256 KB a thread): a large workflow's distinct texts (the 976-node corpus workflow
/// has ~1,500, mostly node ids read again by every link) clashed in about a quarter of 4,096 entries and were made again. Texts with an escape, non-ASCII texts and long texts are not cached (the parser's own string is used).
/// </remarks>
internal static class Utf8StringCache
{
    private const int Size = 16384;
    private const int MaxLength = 40;

    [ThreadStatic]
    private static Entry[]? _table;

    /// <summary>The string of a <see cref="JsonValueKind.String"/> element (as <see cref="JsonElement.GetString"/>).</summary>
    public static string String(JsonElement element)
    {
        var raw = JsonMarshal.GetRawUtf8Value(element);
        var text = raw[1..^1];
        return text.Length <= MaxLength && Lookup(text) is { } cached ? cached : element.GetString()!;
    }

    /// <summary>
    /// The text of a <see cref="JsonValueKind.Number"/> element written as a plain integer (<c>12</c>, <c>-3</c>), which
    /// is what <see cref="long.ToString(IFormatProvider)"/> gives for it; null for any other number.
    /// </summary>
    public static string? PlainInteger(JsonElement element) => PlainInteger(JsonMarshal.GetRawUtf8Value(element));

    /// <summary>The string of the <see cref="JsonTokenType.String"/> token <paramref name="reader"/> is on (as <see cref="Utf8JsonReader.GetString"/>).</summary>
    public static string String(ref Utf8JsonReader reader)
    {
        var text = reader.ValueSpan;
        return !reader.ValueIsEscaped && text.Length <= MaxLength && Lookup(text) is { } cached ? cached : reader.GetString()!;
    }

    /// <summary><see cref="PlainInteger(JsonElement)"/> of a number's text as written.</summary>
    public static string? PlainInteger(ReadOnlySpan<byte> raw)
    {
        var digits = raw.Length > 0 && raw[0] == (byte)'-' ? raw[1..] : raw;

        // "-0" reads as 0; nineteen digits may overflow a long: both take the general path.
        if (digits.Length is 0 or > 18 || (digits[0] == (byte)'0' && raw.Length != 1) || digits.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0)
        {
            return null;
        }

        return Lookup(raw);
    }

    // Null when the text is not ASCII (its string would not be one char per byte) or holds an escape (a cached string
    // holds none, so a hit needs no look for one).
    private static string? Lookup(ReadOnlySpan<byte> text)
    {
        var table = _table ??= new Entry[Size];
        var hash = Hash(text);
        ref var entry = ref table[hash & (Size - 1)];
        if (entry.Hash == hash && entry.Value is { } value && value.Length == text.Length && Ascii.Equals(text, value))
        {
            return value;
        }

        if (!Ascii.IsValid(text) || text.IndexOf((byte)'\\') >= 0)
        {
            return null;
        }

        var made = Encoding.ASCII.GetString(text);
        entry = new Entry(hash, made);
        return made;
    }

    // The first and last eight bytes and the length (texts are at most MaxLength bytes; a clash only costs a miss).
    private static int Hash(ReadOnlySpan<byte> text)
    {
        ulong head, last;
        if (text.Length >= 8)
        {
            head = MemoryMarshal.Read<ulong>(text);
            last = MemoryMarshal.Read<ulong>(text[^8..]);
        }
        else
        {
            head = last = 0;
            for (var i = 0; i < text.Length; i++)
            {
                head = (head << 8) | text[i];
            }
        }

        var mixed = ((head * 0x9E3779B97F4A7C15UL) ^ last ^ (ulong)text.Length) * 0xC2B2AE3D27D4EB4FUL;
        return (int)(mixed >> 32);
    }

    private readonly record struct Entry(int Hash, string? Value);
}
