using System.Globalization;
using System.Text;

namespace Loki.Core.Packaging;

/// <summary>TOML basic strings: any text, escaped so it reads back unchanged.</summary>
internal static class TomlLiteral
{
    public static string String(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20 || c == 0x7F)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
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

    public static string Array(IEnumerable<string> values)
    {
        var items = values.ToList();
        return items.Count == 0 ? "[]" : "[\n" + string.Concat(items.Select(v => "    " + String(v) + ",\n")) + "]";
    }
}
