using Loki.Core.Text;

namespace Loki.Core.Python.Emit;

/// <summary>Docstrings for generated code: triple-quoted when the text allows it, else a safe escaped literal.</summary>
public static class PythonDocstring
{
    /// <summary>
    /// A docstring literal for <paramref name="text"/>. Readable <c>"""..."""</c> when the text has no backslash,
    /// no <c>"""</c>, no control character but newline, and does not end with a quote; otherwise
    /// <see cref="PythonLiteral.String"/>, which is always valid.
    /// </summary>
    public static string Literal(string text)
    {
        var plain = text.Replace("\"", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal);
        var safe = text.Length > 0 && !text.Contains("\"\"\"", StringComparison.Ordinal) && !text.EndsWith('"') && !text.StartsWith('"')
            && PythonLiteral.String(plain).Length == plain.Length + 2;  // nothing PythonLiteral would escape
        return safe ? "\"\"\"" + text + "\"\"\"" : PythonLiteral.String(text);
    }
}
