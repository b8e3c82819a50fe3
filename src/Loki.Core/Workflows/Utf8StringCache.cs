using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
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
/// comparison (of the entry's copy of the text's first and last eight bytes, see Lookup). It starts with 4,096 entries
/// (128 KB a thread) and grows once to 16,384 (512 KB) after 1,024 clashes: a large workflow's distinct texts (the
/// 976-node corpus workflow had ~1,500, mostly node ids read again by every link, before plain integers got their own
/// array, see Small) clashed in about a quarter of 4,096 entries and were made again, while a one-file run of a small
/// workflow never clashes that often and should not pay for zeroing 512 KB at start-up. Texts with an escape, non-ASCII texts and long
/// texts are not cached (the parser's own string is used).
/// </remarks>
internal static class Utf8StringCache
{
    private const int StartSize = 4096;
    private const int GrownSize = 16384;
    private const int ClashesBeforeGrowing = StartSize / 4;
    private const int MaxLength = 40;

    [ThreadStatic]
    private static Entry[]? _table;

    [ThreadStatic]
    private static int _clashes;

    // Whole numbers 0 .. SmallIntegers - 1 by value (see Small): at most 16,384 strings a thread (128 KB of references).
    private const int SmallIntegers = 1 << 14;
    private const int SmallDigits = 5;

    [ThreadStatic]
    private static string?[]? _small;

    /// <summary>How many entries this thread's table has now (0 before its first use); for tests.</summary>
    internal static int EntriesOnThisThread => _table?.Length ?? 0;

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
        if (SmallValue(raw) is >= 0 and var small)
        {
            return Small(small);
        }

        var digits = raw.Length > 0 && raw[0] == (byte)'-' ? raw[1..] : raw;

        // "-0" reads as 0; nineteen digits may overflow a long: both take the general path.
        if (digits.Length is 0 or > 18 || (digits[0] == (byte)'0' && raw.Length != 1) || digits.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0)
        {
            return null;
        }

        return Lookup(raw);
    }

    // The value of a plain integer below SmallIntegers written without a zero in front (the one text of its value), else -1.
    private static int SmallValue(ReadOnlySpan<byte> raw)
    {
        if (raw.Length is 0 or > SmallDigits || (raw[0] == (byte)'0' && raw.Length != 1))
        {
            return -1;
        }

        var value = 0;
        foreach (var b in raw)
        {
            var digit = b - '0';
            if ((uint)digit > 9)
            {
                return -1;
            }

            value = (value * 10) + digit;
        }

        return value < SmallIntegers ? value : -1;
    }

    // The string of a small whole number by its value: an array index, where the hashed table costs a hash, an entry and
    // a text comparison, each entry of the ids' spread over the table a likely cache miss (node ids and the two ends of
    // every link are ~40% of a large workflow's lookups). The array grows to the largest value read (ids count up from 1).
    private static string Small(int value)
    {
        var small = _small;
        if (small is null || value >= small.Length)
        {
            var grown = new string?[Math.Max(256, (int)BitOperations.RoundUpToPowerOf2((uint)value + 1))];
            small?.CopyTo(grown, 0);
            _small = small = grown;
        }

        return small[value] ??= value.ToString(CultureInfo.InvariantCulture);
    }

    // Null when the text is not ASCII (its string would not be one char per byte) or holds an escape (a cached string
    // holds none, so a hit needs no look for one).
    private static string? Lookup(ReadOnlySpan<byte> text)
    {
        var table = _table ??= new Entry[StartSize];
        Key(text, out var head, out var last);
        var hash = Mix(head, last, text.Length);
        ref var entry = ref table[Slot(hash, table)];

        // Up to 16 bytes, the first and last eight and the length are the text: a hit is three comparisons in the entry,
        // without reading the string (a second cache line) or comparing its characters (a call; ~5,200 hits a load of
        // the 976-node workflow, a few dozen distinct texts).
        if (entry.Head == head && entry.Last == last && entry.Length == text.Length && entry.Value is { } value
            && (text.Length <= 16 || Ascii.Equals(text, value)))
        {
            return value;
        }

        if (!Ascii.IsValid(text) || text.IndexOf((byte)'\\') >= 0)
        {
            return null;
        }

        var made = Encoding.ASCII.GetString(text);
        if (entry.Value is not null && table.Length < GrownSize && ++_clashes >= ClashesBeforeGrowing)
        {
            // The old entries are dropped with the old table: they are made again once, on their next read.
            _table = table = new Entry[GrownSize];
            entry = ref table[Slot(hash, table)];
        }

        entry = new Entry(head, last, made, text.Length);
        return made;
    }

    // The hash's top bits, which a product mixes best (it carries a change only upwards). Before, the hash's low bits
    // chose the slot and nothing folded `last` down, so 600 texts differing only in their last bytes (KSampler_0 ...
    // KSampler_599) shared 7 entries.
    private static int Slot(int hash, Entry[] table) => Slot(hash, table.Length);

    private static int Slot(int hash, int entries) => (int)((uint)hash >> (32 - BitOperations.Log2((uint)entries)));

    /// <summary>The entry <paramref name="text"/> takes in a table of <paramref name="entries"/> (a power of two); for tests.</summary>
    internal static int SlotOf(ReadOnlySpan<byte> text, int entries)
    {
        Key(text, out var head, out var last);
        return Slot(Mix(head, last, text.Length), entries);
    }

    // The first and last eight bytes (a text under eight bytes packed into `head`, `last` 0): with the length, all of a
    // text up to sixteen bytes.
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // one call in Lookup, on every read (kept a call, ~0.7% of a conversion)
    private static void Key(ReadOnlySpan<byte> text, out ulong head, out ulong last)
    {
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
    }

    // The hash of a text's key and length (texts are at most MaxLength bytes; a clash only costs a miss).
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // one call in Lookup, on every read (kept a call, ~0.7% of a conversion)
    private static int Mix(ulong head, ulong last, int length)
    {
        // Folding the high half down before the last product: texts that differ only in their last bytes differ only in
        // the high bytes of `last`, and a product alone never carries those down to the bits a slot is taken from.
        var folded = (head * 0x9E3779B97F4A7C15UL) ^ last ^ (ulong)length;
        var mixed = (folded ^ (folded >> 32)) * 0xC2B2AE3D27D4EB4FUL;
        return (int)(mixed >> 32);
    }

    // A text's key and length beside its string (32 bytes: twice the hash-and-string entry, so that a hit reads one line).
    private readonly record struct Entry(ulong Head, ulong Last, string? Value, int Length);
}
