using System.Text.Json.Nodes;
using Loki.Core.Schemas;

namespace Loki.Core.Workflows.Layout;

/// <summary>
/// The one layout of every workflow LOKI writes (API → UI conversions, one-node flows, the pack's example workflows,
/// split subgraphs): each node gets the size the 1.27.10 frontend gives it (<see cref="FrontendNodeSize.Of"/>) and a
/// place in a left-to-right layered layout (<see cref="LayeredLayout"/>), so no two nodes overlap once opened and
/// every link points right. Works on any graph object with <c>nodes</c> and <c>links</c> (a workflow or a subgraph
/// definition; links as arrays or objects). Deterministic: the same graph gives the same numbers.
/// </summary>
public static class WorkflowLayout
{
    /// <summary>Sizes and places every node of <paramref name="graph"/> (writes <c>pos</c> and <c>size</c>).</summary>
    public static LayoutResult Apply(JsonObject graph, SchemaSet schemas)
    {
        var nodes = Nodes(graph);
        var index = Index(nodes);
        var sizes = nodes.Select(n => FrontendNodeSize.Of(NodeShapeReader.Read(n, schemas))).ToList();
        var positions = LayeredLayout.Place(nodes.Count, Edges(graph, index), sizes, out var order, out var cycle);
        for (var i = 0; i < nodes.Count; i++)
        {
            nodes[i]["pos"] = new JsonArray(positions[i].X, positions[i].Y);
            nodes[i]["size"] = new JsonArray(sizes[i].Width, sizes[i].Height);
        }

        return new LayoutResult(order.Select(i => Id(nodes[i])).ToList(), cycle.Select(i => Id(nodes[i])).ToList());
    }

    /// <summary>
    /// Keeps an author's layout when no two nodes overlap at the frontend's sizes, only raising a written size that
    /// is smaller than the frontend's; otherwise lays the graph out again. Returns true when it did.
    /// </summary>
    public static bool Fit(JsonObject graph, SchemaSet schemas)
    {
        var nodes = Nodes(graph);
        var boxes = nodes.Select(n => Box(n, FrontendNodeSize.Of(NodeShapeReader.Read(n, schemas)))).ToList();
        if (boxes.Any(b => b is null) || NodeBoxes.Overlapping(boxes.Select(b => b!.Value).ToList()).Count > 0)
        {
            Apply(graph, schemas);
            return true;
        }

        foreach (var (node, box) in nodes.Zip(boxes))
        {
            node["size"] = new JsonArray(box!.Value.W, box.Value.H - FrontendNodeSize.TitleHeight);
        }

        return false;
    }

    /// <summary>
    /// Pairs of node ids whose boxes (title bar included) overlap when each node has at least the size the frontend
    /// gives it with everything shown (<see cref="FrontendNodeSize.Of"/>).
    /// </summary>
    public static IReadOnlyList<(string A, string B)> Overlaps(JsonObject graph, SchemaSet schemas)
    {
        var nodes = Nodes(graph);
        var boxes = nodes.Select(n => Box(n, FrontendNodeSize.Of(NodeShapeReader.Read(n, schemas))) ?? (0, 0, 0, 0)).ToList();
        return NodeBoxes.Overlapping(boxes).Select(p => (Id(nodes[p.A]), Id(nodes[p.B]))).ToList();
    }

    private static List<JsonObject> Nodes(JsonObject graph) => (graph["nodes"] as JsonArray ?? []).OfType<JsonObject>().ToList();

    private static Dictionary<string, int> Index(List<JsonObject> nodes)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            index.TryAdd(Id(nodes[i]), i);
        }

        return index;
    }

    private static string Id(JsonObject node) => JsonRead.Id(node["id"]) ?? string.Empty;

    /// <summary>Links between known nodes, as (origin, target) node indexes; a link naming an unknown node is no edge.</summary>
    private static List<(int From, int To)> Edges(JsonObject graph, Dictionary<string, int> index)
    {
        var edges = new List<(int, int)>();
        foreach (var link in graph["links"] as JsonArray ?? [])
        {
            var (origin, target) = link switch
            {
                JsonArray a when a.Count >= 4 => (JsonRead.Id(a[1]), JsonRead.Id(a[3])),
                JsonObject o => (JsonRead.Id(o["origin_id"]), JsonRead.Id(o["target_id"])),
                _ => (null, null),
            };
            if (origin is not null && target is not null && index.TryGetValue(origin, out var from) && index.TryGetValue(target, out var to) && from != to)
            {
                edges.Add((from, to));
            }
        }

        return edges;
    }

    /// <summary>The node's box (x, y of the title bar's top, width, height with the title bar) at no less than <paramref name="least"/>.</summary>
    private static (double X, double Y, double W, double H)? Box(JsonObject node, (double Width, double Height) least)
    {
        if (JsonRead.Number(node["pos"]?[0]) is not { } x || JsonRead.Number(node["pos"]?[1]) is not { } y)
        {
            return null;
        }

        var w = Math.Max(JsonRead.Number(node["size"]?[0]) ?? 0, least.Width);
        var h = Math.Max(JsonRead.Number(node["size"]?[1]) ?? 0, least.Height);
        return (x, y - FrontendNodeSize.TitleHeight, w, h + FrontendNodeSize.TitleHeight);
    }
}
