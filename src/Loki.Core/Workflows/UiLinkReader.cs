using System.Text.Json;

namespace Loki.Core.Workflows;

/// <summary>
/// Reads one <c>links</c> entry for <see cref="UiDirectReader"/>, exactly as <see cref="UiGraph"/> reads it from its
/// element: a 0.4 array of at least five items <c>[id, origin_id, origin_slot, target_id, target_slot, type?]</c>, or a
/// schema-1 object; an entry without a whole id or without both node ids is no link.
/// </summary>
internal static class UiLinkReader
{
    /// <summary>The link of the array the reader is on (left on its end), or null.</summary>
    public static UiLink? FromArray(ref Utf8JsonReader reader, string path, int index)
    {
        long? id = null, originSlot = null, targetSlot = null;
        string? origin = null, target = null;
        var type = string.Empty;
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            switch (count++)
            {
                case 0: id = ReaderValues.Long(ref reader); break;
                case 1: origin = ReaderValues.Id(ref reader); break;
                case 2: originSlot = ReaderValues.Long(ref reader); break;
                case 3: target = ReaderValues.Id(ref reader); break;
                case 4: targetSlot = ReaderValues.Long(ref reader); break;
                case 5: type = ReaderValues.Type(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        return count >= 5 ? Make(id, origin, originSlot, target, targetSlot, type, path, index) : null;
    }

    /// <summary>
    /// The link of the object the reader is on (left on its end); false when a key the link reads is written with an
    /// escape or twice (the element path reads those).
    /// </summary>
    public static bool FromObject(ref Utf8JsonReader reader, string path, int index, out UiLink? link)
    {
        link = null;
        long? id = null, originSlot = null, targetSlot = null;
        string? origin = null, target = null;
        var type = string.Empty;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = Key(ref reader);
            if (key < 0 || (key > 0 && (seen & key) != 0))
            {
                return false;
            }

            seen |= key;
            reader.Read();
            switch (key)
            {
                case 1: id = ReaderValues.Long(ref reader); break;
                case 2: origin = ReaderValues.Id(ref reader); break;
                case 4: originSlot = ReaderValues.Long(ref reader); break;
                case 8: target = ReaderValues.Id(ref reader); break;
                case 16: targetSlot = ReaderValues.Long(ref reader); break;
                case 32: type = ReaderValues.Type(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        link = Make(id, origin, originSlot, target, targetSlot, type, path, index);
        return true;
    }

    private static UiLink? Make(long? id, string? origin, long? originSlot, string? target, long? targetSlot, string type, string path, int index) =>
        id is { } linkId && origin is not null && target is not null
            ? new UiLink(linkId, origin, (int)(originSlot ?? 0), target, (int)(targetSlot ?? 0), type, path, index)
            : null;

    private static int Key(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            return -1;
        }

        var name = reader.ValueSpan;
        return name.Length switch
        {
            2 when name.SequenceEqual("id"u8) => 1,
            9 when name.SequenceEqual("origin_id"u8) => 2,
            11 when name.SequenceEqual("origin_slot"u8) => 4,
            9 when name.SequenceEqual("target_id"u8) => 8,
            11 when name.SequenceEqual("target_slot"u8) => 16,
            4 when name.SequenceEqual("type"u8) => 32,
            _ => 0,
        };
    }
}
