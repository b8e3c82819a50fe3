using System.Globalization;
using System.Text;

namespace Loki.Core.Flows;

/// <summary>The names LOKI derives from a node name (<c>image_levels</c>).</summary>
public static class LokiNames
{
    /// <summary><c>image_levels</c> → <c>ImageLevels</c>.</summary>
    public static string Pascal(string snake)
    {
        var sb = new StringBuilder(snake.Length);
        foreach (var part in snake.Split(['_', '-', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            sb.Append(char.ToUpper(part[0], CultureInfo.InvariantCulture)).Append(part.AsSpan(1));
        }

        return sb.ToString();
    }

    /// <summary>The class type ComfyUI registers a LOKI node under: <c>Loki&lt;PascalCase&gt;</c>.</summary>
    public static string ClassType(string nodeName) => "Loki" + Pascal(nodeName);
}
