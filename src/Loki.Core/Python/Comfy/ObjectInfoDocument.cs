using System.Text.Json.Nodes;
using Loki.Core.Text;

namespace Loki.Core.Python.Comfy;

/// <summary>
/// The <c>/object_info</c> document of extracted nodes (what <c>loki schemas extract</c> writes): one entry per
/// class type, sorted, each with ComfyUI's key order. Same pack, same bytes.
/// </summary>
public static class ObjectInfoDocument
{
    private static readonly string[] KeyOrder =
    [
        "input", "input_order", "output", "output_is_list", "output_name", "output_tooltips", "name", "display_name",
        "description", "python_module", "category", "output_node", "deprecated", "experimental", "api_node",
    ];

    /// <summary>Builds the document.</summary>
    public static JsonObject Build(ExtractedPack pack)
    {
        var root = new JsonObject();
        foreach (var node in pack.Nodes.OrderBy(n => n.ClassType, StringComparer.Ordinal))
        {
            root[node.ClassType] = Ordered(node.ObjectInfo);
        }

        return root;
    }

    /// <summary>The file text (indented, final newline).</summary>
    public static string Write(ExtractedPack pack) => CanonicalJson.Write(Build(pack));

    private static JsonObject Ordered(JsonObject info)
    {
        var o = new JsonObject();
        foreach (var key in KeyOrder.Where(info.ContainsKey))
        {
            o[key] = info[key]?.DeepClone();
        }

        foreach (var (key, value) in info.Where(p => !KeyOrder.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            o[key] = value?.DeepClone();
        }

        return o;
    }
}
