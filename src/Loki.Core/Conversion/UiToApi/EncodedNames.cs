using System.Text.Encodings.Web;
using System.Text.Json;

namespace Loki.Core.Conversion.UiToApi;

/// <summary>
/// Property names of written prompts (input names, node ids) encoded once per thread as the writer would encode them
/// (<see cref="JsonEncodedText.Encode(string, JavaScriptEncoder?)"/> with the writer's encoder), then copied as bytes.
/// </summary>
/// <remarks>
/// A prompt names the same few hundred inputs and ids file after file (the definitions' names, the loader's shared
/// strings); writing each from its string checked it for escapes and transcoded it to UTF-8 every time, a fifth of
/// writing the prompt. The table is emptied when it grows past <see cref="Most"/> names, so odd inputs cannot grow it
/// for the thread's life.
/// </remarks>
internal static class EncodedNames
{
    /// <summary>The most names a thread keeps.</summary>
    internal const int Most = 4096;

    [ThreadStatic]
    private static Dictionary<string, JsonEncodedText>? _names;

    /// <summary>
    /// <paramref name="name"/> encoded as <paramref name="encoder"/> (the writer's) escapes it; the first encoder a
    /// thread asks with is the one it keeps names for, and another is answered without the table.
    /// </summary>
    public static JsonEncodedText Of(string name, JavaScriptEncoder? encoder)
    {
        if (!ReferenceEquals(encoder, _encoder) && _names is not null)
        {
            return JsonEncodedText.Encode(name, encoder);
        }

        var names = _names ??= NewTable(encoder);
        if (names.TryGetValue(name, out var encoded))
        {
            return encoded;
        }

        if (names.Count >= Most)
        {
            names.Clear();
        }

        encoded = JsonEncodedText.Encode(name, encoder);
        names.Add(name, encoded);
        return encoded;
    }

    /// <summary>How many names this thread keeps (tests check the bound).</summary>
    internal static int Count => _names?.Count ?? 0;

    [ThreadStatic]
    private static JavaScriptEncoder? _encoder;

    private static Dictionary<string, JsonEncodedText> NewTable(JavaScriptEncoder? encoder)
    {
        _encoder = encoder;
        return new Dictionary<string, JsonEncodedText>(256, StringComparer.Ordinal);
    }
}
