using System.Text.Json;

namespace Loki.Core.Workflows;

/// <summary>
/// Reads one <c>links</c> entry for <see cref="UiDirectReader"/>, exactly as <see cref="UiGraph"/> reads it from its
/// element: a 0.4 array of at least five items <c>[id, origin_id, origin_slot, target_id, target_slot, type?]</c>, or a
/// schema-1 object with those keys; an entry without a whole id or without both node ids is no link. Both forms read
/// their values into one <see cref="Fields"/>, by position or by key.
/// </summary>
internal static class UiLinkReader
{
    /// <summary>The link of the array the reader is on (left on its end), entry <paramref name="index"/>; false when it is no link.</summary>
    public static bool FromArray(ref Utf8JsonReader reader, int index, out UiLinkFields link)
    {
        var fields = new Fields();
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            fields.Read(count++, ref reader);
        }

        link = default;
        return count >= 5 && fields.Make(index, out link);
    }

    /// <summary>
    /// The link of the object the reader is on (left on its end), entry <paramref name="index"/>: <paramref name="isLink"/>
    /// false when it is no link; false when a key the link reads is written with an escape or twice (the element path
    /// reads those).
    /// </summary>
    public static bool FromObject(ref Utf8JsonReader reader, int index, out UiLinkFields link, out bool isLink)
    {
        (link, isLink) = (default, false);
        var fields = new Fields();
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = Field(ref reader);
            if (field == Escaped || (field >= 0 && (seen & (1 << field)) != 0))
            {
                return false;
            }

            seen |= field >= 0 ? 1 << field : 0;
            reader.Read();
            fields.Read(field, ref reader);
        }

        isLink = fields.Make(index, out link);
        return true;
    }

    private const int Escaped = -2;

    // The position a key's value has in the array form (-1: a key the link does not read; Escaped: compared as text by
    // the element path).
    private static int Field(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            return Escaped;
        }

        var name = reader.ValueSpan;
        return name.Length switch
        {
            2 when name.SequenceEqual("id"u8) => 0,
            9 when name.SequenceEqual("origin_id"u8) => 1,
            11 when name.SequenceEqual("origin_slot"u8) => 2,
            9 when name.SequenceEqual("target_id"u8) => 3,
            11 when name.SequenceEqual("target_slot"u8) => 4,
            4 when name.SequenceEqual("type"u8) => 5,
            _ => -1,
        };
    }

    // The values of one link, by their position in the array form.
    private struct Fields
    {
        private long? _id, _originSlot, _targetSlot;
        private string? _origin, _target, _type;

        // Reads the value the reader is on into field `field` (any other position is skipped).
        public void Read(int field, ref Utf8JsonReader reader)
        {
            switch (field)
            {
                case 0: _id = ReaderValues.Long(ref reader); break;
                case 1: _origin = ReaderValues.Id(ref reader); break;
                case 2: _originSlot = ReaderValues.Long(ref reader); break;
                case 3: _target = ReaderValues.Id(ref reader); break;
                case 4: _targetSlot = ReaderValues.Long(ref reader); break;
                case 5: _type = ReaderValues.Type(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        public readonly bool Make(int index, out UiLinkFields link)
        {
            link = _id is { } linkId && _origin is not null && _target is not null
                ? new UiLinkFields(linkId, _origin, (int)(_originSlot ?? 0), _target, (int)(_targetSlot ?? 0), _type ?? string.Empty, index)
                : default;
            return link.OriginId is not null;
        }
    }
}
