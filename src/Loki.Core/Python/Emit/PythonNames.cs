using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Loki.Core.Python.Emit;

/// <summary>Names in generated Python: identifiers, class names, mapping keys.</summary>
public static partial class PythonNames
{
    private static readonly HashSet<string> Keywords =
    [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
        "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", "match", "case", "type", "_",
    ];

    /// <summary>True for an ASCII Python identifier that is not a keyword (what a flag and a parameter need).</summary>
    public static bool IsIdentifier(string name) => IdentifierRegex().IsMatch(name) && !Keywords.Contains(name);

    /// <summary>True for a LOKI node name: lowercase snake_case starting with a letter.</summary>
    public static bool IsNodeName(string name) => NodeNameRegex().IsMatch(name) && !Keywords.Contains(name);

    /// <summary>
    /// A snake_case identifier for any text (<c>Upscale Method</c> → <c>upscale_method</c>, <c>IMAGE</c> → <c>image</c>);
    /// non-ASCII letters are dropped, an empty or keyword result gets a prefix.
    /// </summary>
    public static string ToIdentifier(string text, string fallback = "value")
    {
        var sb = new StringBuilder();
        var previousLower = false;
        foreach (var c in text.Normalize(NormalizationForm.FormKD))
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                sb.Append(c);
                previousLower = c is >= 'a' and <= 'z';
            }
            else if (c is >= 'A' and <= 'Z')
            {
                if (previousLower)
                {
                    sb.Append('_');
                }

                sb.Append(char.ToLowerInvariant(c));
                previousLower = false;
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                if (sb.Length > 0 && sb[^1] != '_')
                {
                    sb.Append('_');
                }

                previousLower = false;
            }
        }

        var id = sb.ToString().Trim('_');
        if (id.Length == 0)
        {
            id = fallback;
        }

        if (char.IsDigit(id[0]) || Keywords.Contains(id))
        {
            id = fallback + "_" + id;
        }

        return id;
    }

    /// <summary>Makes <paramref name="name"/> unique among <paramref name="taken"/> (adds <c>_2</c>, <c>_3</c>...) and records it.</summary>
    public static string Unique(string name, ISet<string> taken)
    {
        var candidate = name;
        for (var i = 2; !taken.Add(candidate); i++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{name}_{i}");
        }

        return candidate;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex IdentifierRegex();

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex NodeNameRegex();
}
