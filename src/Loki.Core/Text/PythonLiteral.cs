using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Loki.Core.Text;

/// <summary>
/// Turns values from workflows and manifests into Python literals that parse back to the same value,
/// whatever quotes, backslashes, newlines, control or non-ASCII characters they hold.
/// </summary>
public static class PythonLiteral
{
    /// <summary>A Python <c>str</c> literal in double quotes.</summary>
    public static string String(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '"': sb.Append("\\\""); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (char.IsSurrogate(c))
                    {
                        if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                        {
                            sb.Append(c).Append(value[++i]);
                        }
                        else
                        {
                            // A lone surrogate cannot be encoded in a UTF-8 source file; Python accepts the escape.
                            sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                    }
                    else if (NeedsEscape(c))
                    {
                        sb.Append(c <= 0xFF ? "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture)
                                            : "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    /// <summary>A Python <c>bool</c>.</summary>
    public static string Bool(bool value) => value ? "True" : "False";

    /// <summary>A Python <c>int</c>.</summary>
    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A Python <c>float</c> that round-trips exactly.</summary>
    public static string Float(double value)
    {
        if (double.IsNaN(value))
        {
            return "float(\"nan\")";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "float(\"inf\")" : "-float(\"inf\")";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') || text.Contains('e') ? text : text + ".0";
    }

    /// <summary>Any JSON value as a Python literal (objects become dicts in their key order).</summary>
    public static string From(JsonNode? node) => node switch
    {
        null => "None",
        JsonObject obj => "{" + string.Join(", ", obj.Select(p => String(p.Key) + ": " + From(p.Value))) + "}",
        JsonArray arr => "[" + string.Join(", ", arr.Select(From)) + "]",
        // A value built in code (JsonValue.Create("x")) holds a CLR object, not a JsonElement: serialise it to one.
        // Strings directly (serialising would turn a lone surrogate into U+FFFD); other code-built values via a JsonElement.
        JsonValue value when value.TryGetValue<string>(out var text) => String(text),
        JsonValue value => FromElement(value.TryGetValue<JsonElement>(out var element) ? element : JsonSerializer.SerializeToElement(value)),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    /// <summary>Any JSON element as a Python literal.</summary>
    public static string FromElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => "None",
        JsonValueKind.True => "True",
        JsonValueKind.False => "False",
        JsonValueKind.String => String(element.GetString()!),
        JsonValueKind.Number => Number(element),
        JsonValueKind.Array => "[" + string.Join(", ", element.EnumerateArray().Select(FromElement)) + "]",
        JsonValueKind.Object => "{" + string.Join(", ", element.EnumerateObject().Select(p => String(p.Name) + ": " + FromElement(p.Value))) + "}",
        _ => throw new ArgumentOutOfRangeException(nameof(element)),
    };

    private static string Number(JsonElement element)
    {
        var raw = element.GetRawText();
        if (element.TryGetInt64(out var l) && !raw.Contains('.') && !raw.Contains('e') && !raw.Contains('E'))
        {
            return Int(l);
        }

        // Big integers stay exact: Python ints have no size limit.
        if (!raw.Contains('.') && !raw.Contains('e') && !raw.Contains('E'))
        {
            return raw;
        }

        return Float(element.GetDouble());
    }

    private static bool NeedsEscape(char c)
    {
        var category = char.GetUnicodeCategory(c);
        return category is UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.Format or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned;
    }
}
