namespace Loki.Core.Conversion.UiToApi;

/// <summary>
/// The nodes a <c>%Node.widget%</c> pattern of <see cref="FilenameTemplate"/> can name, as the frontend finds them: the
/// first node whose "Node name for S&amp;R" property (else its type) is the name, else the first whose title is. Both
/// tables are filled as far as a pattern needs, once per conversion: every save node of a large workflow holds such
/// patterns, and each pattern scanned the nodes' properties again (40 save nodes of the 976-node corpus workflow: 2.5 % of its CPU).
/// </summary>
internal sealed class TemplateNodes
{
    private readonly IReadOnlyList<FlatNode> _nodes;
    private readonly Func<FlatNode, string?> _title;
    private Dictionary<string, FlatNode>? _byName;
    private Dictionary<string, FlatNode>? _byTitle;
    private int _namesRead, _titlesRead;

    /// <summary>The nodes <paramref name="nodes"/> in the order the frontend searches them; <paramref name="title"/> gives a node's title.</summary>
    public TemplateNodes(IReadOnlyList<FlatNode> nodes, Func<FlatNode, string?> title)
    {
        _nodes = nodes;
        _title = title;
    }

    /// <summary>The node a pattern's <paramref name="name"/> means, or null.</summary>
    public FlatNode? Find(string name) =>
        Scan(ref _byName, ref _namesRead, name, static (_, node) => node.Node.PropertyText("Node name for S&R") ?? node.Node.Type)
        ?? Scan(ref _byTitle, ref _titlesRead, name, static (self, node) => self._title(node));

    // Reads the nodes' keys in order only as far as the first node with the key asked for (reading a node's properties
    // parses them: a full scan read every node's for a pattern the first few answer), keeping each key's first node.
    private FlatNode? Scan(ref Dictionary<string, FlatNode>? table, ref int read, string name, Func<TemplateNodes, FlatNode, string?> keyOf)
    {
        table ??= new Dictionary<string, FlatNode>(StringComparer.Ordinal);
        if (table.TryGetValue(name, out var found))
        {
            return found;
        }

        while (read < _nodes.Count)
        {
            var node = _nodes[read++];
            if (keyOf(this, node) is { } key && table.TryAdd(key, node) && key == name)
            {
                return node;
            }
        }

        return null;
    }
}
