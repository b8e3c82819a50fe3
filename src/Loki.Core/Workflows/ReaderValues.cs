using System.Text.Json;

namespace Loki.Core.Workflows;

/// <summary>
/// The <see cref="JsonRead"/> readers of a parsed element, for the value a <see cref="Utf8JsonReader"/> is on: the direct
/// reader (<see cref="UiDirectReader"/>) builds the views from the bytes with these, and must read every value exactly
/// as the element readers do, so both take their rules for numbers and numeric text from the same helpers
/// (<see cref="JsonRead.LongOfNumber"/>, <see cref="JsonRead.LongOfText"/>, <see cref="JsonRead.IdOfNumber"/>,
/// <see cref="JsonRead.TypeOfNumber"/>); what is left here is walking the reader. Each call consumes the whole value (an
/// array or object is skipped past when it does not count), leaving the reader on the value's last token.
/// </summary>
internal static class ReaderValues
{
    /// <summary><see cref="JsonRead.String(JsonElement)"/>: a string, or null for any other value.</summary>
    public static string? String(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return Utf8StringCache.String(ref reader);
        }

        reader.Skip();
        return null;
    }

    /// <summary><see cref="JsonRead.Long(JsonElement)"/>: a whole number, or a string holding one; else null.</summary>
    public static long? Long(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return JsonRead.LongOfNumber(reader.ValueSpan);
            case JsonTokenType.String:
                return JsonRead.LongOfText(reader.GetString());
            default:
                reader.Skip();
                return null;
        }
    }

    /// <summary><see cref="JsonRead.Id(JsonElement)"/>: a node id as text (a string as is, a number in invariant form).</summary>
    public static string? Id(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return Utf8StringCache.String(ref reader);
            case JsonTokenType.Number:
                return JsonRead.IdOfNumber(reader.ValueSpan);
            default:
                reader.Skip();
                return null;
        }
    }

    /// <summary><see cref="JsonRead.Type(JsonElement)"/>: a string, a list of strings joined with commas, a number's text; else empty.</summary>
    public static string Type(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return Utf8StringCache.String(ref reader);
            case JsonTokenType.Number:
                return JsonRead.TypeOfNumber(reader.ValueSpan);
            case JsonTokenType.StartArray:
                List<string>? parts = null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    (parts ??= []).Add(String(ref reader) ?? string.Empty);
                }

                return parts is null ? string.Empty : string.Join(",", parts);
            default:
                reader.Skip();
                return string.Empty;
        }
    }

    /// <summary>What <see cref="UiWorkflow.Version"/> reads: a number as a double, else null.</summary>
    public static double? Double(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var d))
        {
            return d;
        }

        reader.Skip();
        return null;
    }
}
