using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Naming;
using Loki.Core.Nodes;

namespace Loki.Core.Packaging.Flows;

/// <summary>
/// How the pack's thumbnails show LOKI nodes: the title the editor gives a node of each LOKI class (its saved title,
/// else the display name from the name layer) and its glamour icon, as shipped in the pack.
/// </summary>
public sealed class FlowFaces
{
    private readonly ImmutableDictionary<string, string> _titles;
    private readonly ImmutableDictionary<string, byte[]> _icons;

    private FlowFaces(ImmutableDictionary<string, string> titles, ImmutableDictionary<string, byte[]> icons)
    {
        _titles = titles;
        _icons = icons;
    }

    /// <summary>The faces of <paramref name="nodes"/>; icons are read from the pack entries (<c>nodes/&lt;n&gt;/glamour/icon.png</c>).</summary>
    public static FlowFaces Of(IEnumerable<NodeFolder> nodes, IReadOnlyDictionary<string, byte[]> entries)
    {
        var titles = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var icons = ImmutableDictionary.CreateBuilder<string, byte[]>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            var key = NodeNames.ToMappingKey(node.Name);
            var name = node.Has(NodeLayer.Name) ? NameLayerReader.ReadFile(node.PathOf(NodeLayer.Name), new DiagnosticBag()) : null;
            titles[key] = (name ?? NameLayer.Empty).DisplayName(node.Name);
            if (entries.TryGetValue($"nodes/{node.Name}/glamour/icon.png", out var icon))
            {
                icons[key] = icon;
            }
        }

        return new FlowFaces(titles.ToImmutable(), icons.ToImmutable());
    }

    /// <summary>The title the canvas shows for <paramref name="node"/> (a UI workflow node).</summary>
    public string? TitleOf(JsonObject node) =>
        node["title"]?.ToString() is { Length: > 0 } t ? t : _titles.GetValueOrDefault(node["type"]?.ToString() ?? string.Empty);

    /// <summary>The glamour icon of a node class, or null for classes without one.</summary>
    public byte[]? IconOf(string classType) => _icons.GetValueOrDefault(classType);
}
