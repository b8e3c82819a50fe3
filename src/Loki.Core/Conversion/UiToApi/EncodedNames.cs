using System.Text.Json;
using Loki.Core.Text;

namespace Loki.Core.Conversion.UiToApi;

/// <summary>
/// The JSON text of the strings a prompt writes again and again (input names, node ids, class types, titles), escaped
/// once per string instance and thread instead of checked, escaped and transcoded at every write: the same names come
/// from the same definitions and the loader's string cache, conversion after conversion. Only printable ASCII is kept,
/// for which escaping ahead (<see cref="JsonEncodedText.Encode(string, System.Text.Encodings.Web.JavaScriptEncoder?)"/>
/// with the writer's own encoder) gives the writer's bytes; anything else is written as a string, as before.
/// </summary>
internal static class EncodedNames
{
    private const int Limit = 8192;

    // Keyed by reference: looking a name up must cost less than writing it.
    [ThreadStatic]
    private static Dictionary<string, JsonEncodedText>? _byInstance;

    /// <summary>The escaped text of <paramref name="text"/>, or false for text that is not printable ASCII.</summary>
    public static bool TryGet(string text, out JsonEncodedText encoded)
    {
        var table = _byInstance ??= new Dictionary<string, JsonEncodedText>(ReferenceEqualityComparer.Instance);
        if (table.TryGetValue(text, out encoded))
        {
            return true;
        }

        if (text.AsSpan().IndexOfAnyExceptInRange(' ', '~') >= 0)
        {
            return false;
        }

        if (table.Count >= Limit)
        {
            // Names of long-gone files: start again rather than grow without end.
            table.Clear();
        }

        encoded = JsonEncodedText.Encode(text, CanonicalJson.Indented.Encoder);
        table[text] = encoded;
        return true;
    }

    /// <summary>Writes <paramref name="name"/> as a property name.</summary>
    public static void WriteName(Utf8JsonWriter writer, string name)
    {
        if (TryGet(name, out var encoded))
        {
            writer.WritePropertyName(encoded);
        }
        else
        {
            writer.WritePropertyName(name);
        }
    }

    /// <summary>Writes <paramref name="value"/> as a string value.</summary>
    public static void WriteValue(Utf8JsonWriter writer, string value)
    {
        if (TryGet(value, out var encoded))
        {
            writer.WriteStringValue(encoded);
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
