using System.Buffers.Text;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Loki.Core.Workflows;

/// <summary>Loose readers for the shapes real workflows use (numbers written as strings, ids as numbers or text).</summary>
public static class JsonRead
{
    /// <summary>A string value, or null.</summary>
    public static string? String(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>An integer (a whole JSON number, or a string holding one), or null.</summary>
    public static long? Long(JsonNode? node)
    {
        if (node is not JsonValue v)
        {
            return null;
        }

        switch (v.GetValueKind())
        {
            case JsonValueKind.Number:
                if (v.TryGetValue(out long fast))
                {
                    return fast;
                }

                if (v.TryGetValue(out int small))
                {
                    return small;
                }

                return WholeNumber(v.ToJsonString());
            case JsonValueKind.String:
                return long.TryParse(v.GetValue<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : null;
            default:
                return null;
        }
    }

    /// <summary>A number as a double (whatever CLR type backs the node), or null.</summary>
    public static double? Number(JsonNode? node)
    {
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
        {
            return null;
        }

        return v.TryGetValue(out double d) ? d : double.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>A boolean value, or null.</summary>
    public static bool? Bool(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValue<bool>() : null;

    /// <summary>A node id as text: a number in invariant form, a string as is; null otherwise.</summary>
    public static string? Id(JsonNode? node)
    {
        if (node is not JsonValue v)
        {
            return null;
        }

        return v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.Number => Long(v)?.ToString(CultureInfo.InvariantCulture) ?? v.ToJsonString(),
            _ => null,
        };
    }

    /// <summary>A slot type as text: a string, a list joined with commas, a number as text; empty when absent.</summary>
    public static string Type(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        JsonArray a => string.Join(",", a.Select(x => String(x) ?? string.Empty)),
        _ => string.Empty,
    };

    /// <summary><see cref="String(JsonNode?)"/> of a parsed element (missing and null read as absent).</summary>
    public static string? String(JsonElement element) =>
        element.ValueKind == JsonValueKind.String ? Utf8StringCache.String(element) : null;

    /// <summary><see cref="Long(JsonNode?)"/> of a parsed element.</summary>
    public static long? Long(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => LongOfNumber(JsonMarshal.GetRawUtf8Value(element)),
        JsonValueKind.String => LongOfText(element.GetString()),
        _ => null,
    };

    /// <summary><see cref="Id(JsonNode?)"/> of a parsed element.</summary>
    public static string? Id(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => Utf8StringCache.String(element),
        JsonValueKind.Number => IdOfNumber(JsonMarshal.GetRawUtf8Value(element)),
        _ => null,
    };

    /// <summary><see cref="Type(JsonNode?)"/> of a parsed element.</summary>
    public static string Type(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Utf8StringCache.String(element);
            case JsonValueKind.Number:
                return TypeOfNumber(JsonMarshal.GetRawUtf8Value(element));
            case JsonValueKind.Array:
                var parts = new List<string>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    parts.Add(String(item) ?? string.Empty);
                }

                return string.Join(",", parts);
            default:
                return string.Empty;
        }
    }

    // The rules for scalars both forms of a parsed value share: the element readers above and the direct reader's
    // (ReaderValues, on the token a Utf8JsonReader is on) call these with a number's text as written, so the two read
    // every value alike by construction.

    /// <summary>A JSON number's text as a whole number: as <see cref="JsonElement.TryGetInt64"/> reads it, else <see cref="WholeNumber"/>.</summary>
    internal static long? LongOfNumber(ReadOnlySpan<byte> raw) =>
        PlainDigits(raw) is var plain and >= 0 ? (raw[0] == (byte)'-' ? -plain : plain)
        : Utf8Parser.TryParse(raw, out long value, out var consumed) && consumed == raw.Length ? value : WholeNumber(Encoding.UTF8.GetString(raw));

    // The value of at most 18 digits after an optional minus (what Utf8Parser reads them as, without its general
    // parsing: node modes, orders, slots and link ids are ~8,000 such numbers a load of the 976-node corpus workflow,
    // the parser ~1.3 % of the load's instructions); -1 for any other text.
    private static long PlainDigits(ReadOnlySpan<byte> raw)
    {
        var digits = raw.Length > 0 && raw[0] == (byte)'-' ? raw[1..] : raw;
        if (digits.Length is 0 or > 18)
        {
            return -1;
        }

        long value = 0;
        foreach (var b in digits)
        {
            var digit = (uint)(b - '0');
            if (digit > 9)
            {
                return -1;
            }

            value = (value * 10) + digit;
        }

        return value;
    }

    /// <summary>A string holding an integer (invariant, optional sign and white space), else null.</summary>
    internal static long? LongOfText(string? text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A node id written as a number: a plain integer's shared text, a whole number's invariant form, else the text as written.</summary>
    internal static string IdOfNumber(ReadOnlySpan<byte> raw) =>
        Utf8StringCache.PlainInteger(raw) ?? LongOfNumber(raw)?.ToString(CultureInfo.InvariantCulture) ?? Encoding.UTF8.GetString(raw);

    /// <summary>A slot type written as a number: its text as written (a plain integer's shared one).</summary>
    internal static string TypeOfNumber(ReadOnlySpan<byte> raw) => Utf8StringCache.PlainInteger(raw) ?? Encoding.UTF8.GetString(raw);

    // A JSON number too large for long, or written with a fraction or exponent: whole when it rounds to itself.
    internal static long? WholeNumber(string text)
    {
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l))
        {
            return l;
        }

        var d = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return Math.Abs(d - Math.Round(d)) < 1e-9 && Math.Abs(d) < 9e15 ? (long)Math.Round(d) : null;
    }
}
