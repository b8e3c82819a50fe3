using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Loki.Generators.Helpers;

/// <summary>Names and literals for generated C#: identifiers, PascalCase, string and number literals.</summary>
internal static class Naming
{
    /// <summary><c>image_resize</c> → <c>ImageResize</c>; anything not a letter or digit separates words.</summary>
    public static string ToPascal(string text)
    {
        var sb = new StringBuilder();
        var upper = true;
        foreach (var c in text)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        if (sb.Length == 0 || char.IsDigit(sb[0]))
        {
            sb.Insert(0, 'N');
        }

        return sb.ToString();
    }

    /// <summary><c>black_point</c> → <c>blackPoint</c>, escaped with <c>@</c> when it is a keyword.</summary>
    public static string ToParameter(string text)
    {
        var pascal = ToPascal(text);
        var camel = char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return SyntaxFacts.GetKeywordKind(camel) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(camel) != SyntaxKind.None
            ? "@" + camel
            : camel;
    }

    /// <summary>Unique PascalCase enum member names for COMBO options, in option order.</summary>
    public static IReadOnlyList<string> EnumMembers(IEnumerable<string> options)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var option in options)
        {
            var name = ToPascal(option);
            var candidate = name;
            for (var i = 2; !used.Add(candidate); i++)
            {
                candidate = name + i.ToString(CultureInfo.InvariantCulture);
            }

            result.Add(candidate);
        }

        return result;
    }

    /// <summary>Normalises a type name as NodeConfigReader does (<c>int</c> → <c>INT</c>, <c>str</c> → <c>STRING</c>).</summary>
    public static string NormalizeType(string type) => type.Trim().ToLowerInvariant() switch
    {
        "int" or "integer" => "INT",
        "float" or "number" or "double" => "FLOAT",
        "str" or "string" or "text" => "STRING",
        "bool" or "boolean" => "BOOLEAN",
        "combo" or "enum" or "choice" => "COMBO",
        "any" or "*" => "*",
        _ => type.Trim().ToUpperInvariant(),
    };

    /// <summary>A C# double literal that round-trips.</summary>
    public static string DoubleLiteral(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.IndexOf('.') >= 0 || text.IndexOf('E') >= 0 ? text : text + ".0";
    }

    /// <summary>A C# string literal for any text (quotes, backslashes, control and non-ASCII characters escaped).</summary>
    public static string StringLiteral(string value) =>
        SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>Text for an XML doc comment: escapes markup and folds newlines.</summary>
    public static string XmlDoc(string text) => string.Join(" ", text
        .Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;")
        .Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries).Select(static l => l.Trim()));
}
