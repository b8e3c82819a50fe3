using System.Text;

namespace Loki.Core.Flows;

/// <summary>Turns titles, class names and widget names into readable Python identifiers.</summary>
public static class PythonNames
{
    /// <summary>Python's keywords and soft keywords, plus the names a flow script uses itself.</summary>
    private static readonly HashSet<string> Reserved =
    [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
        "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", "match", "case", "type", "_",
    ];

    /// <summary>True when <paramref name="name"/> can be written as a Python keyword argument.</summary>
    public static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
        && !Reserved.Contains(name);

    /// <summary>
    /// <c>"CLIP Text Encode (Positive)"</c> → <c>clip_text_encode_positive</c>; <c>KSamplerAdvanced</c> →
    /// <c>k_sampler_advanced</c>. Never empty, never a keyword.
    /// </summary>
    public static string Snake(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c))
            {
                // Split camel humps: "ImageBlur" → image_blur, "VAEDecode" → vae_decode.
                if (char.IsAsciiLetterUpper(c) && sb.Length > 0 && sb[^1] != '_'
                    && (char.IsAsciiLetterLower(text[i - 1]) || char.IsAsciiDigit(text[i - 1])
                        || (i + 1 < text.Length && char.IsAsciiLetterLower(text[i + 1]) && char.IsAsciiLetterUpper(text[i - 1]))))
                {
                    sb.Append('_');
                }

                sb.Append(char.ToLowerInvariant(c));
            }
            else if (sb.Length > 0 && sb[^1] != '_')
            {
                sb.Append('_');
            }
        }

        var name = sb.ToString().Trim('_');
        if (name.Length == 0)
        {
            return "value";
        }

        if (char.IsAsciiDigit(name[0]))
        {
            name = "n" + name;
        }

        return Reserved.Contains(name) ? name + "_" : name;
    }
}
