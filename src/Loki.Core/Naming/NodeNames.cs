using System.Globalization;
using System.Text;

namespace Loki.Core.Naming;

/// <summary>The spellings derived from a node's snake_case name (class names, mapping keys, titles).</summary>
public static class NodeNames
{
    /// <summary><c>image_levels</c> → <c>ImageLevels</c>: the LOKI Node's class name.</summary>
    public static string ToPascal(string nodeName)
    {
        var sb = new StringBuilder(nodeName.Length);
        foreach (var part in nodeName.Split('_', StringSplitOptions.RemoveEmptyEntries))
        {
            sb.Append(char.ToUpperInvariant(part[0])).Append(part.AsSpan(1));
        }

        return sb.Length == 0 ? "Node" : sb.ToString();
    }

    /// <summary><c>image_levels</c> → <c>LokiImageLevels</c>: the key in <c>NODE_CLASS_MAPPINGS</c>.</summary>
    public static string ToMappingKey(string nodeName) => "Loki" + ToPascal(nodeName);

    /// <summary><c>image_levels</c> → <c>Image Levels</c>.</summary>
    public static string ToTitle(string nodeName) =>
        string.Join(' ', nodeName.Split('_', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => char.ToUpper(p[0], CultureInfo.InvariantCulture) + p[1..]));
}
