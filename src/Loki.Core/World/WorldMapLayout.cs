using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Loki.Core.Schemas;
using Loki.Core.Workflows.Layout;

namespace Loki.Core.World;

/// <summary>
/// Lays the World out as a map: each region is laid out on its own by the project's one layout model (the sizes the
/// 1.27.10 frontend gives each node, <see cref="FrontendNodeSize"/>, placed left to right by
/// <see cref="LayeredLayout"/> along the region's own paths) and framed by its group; the regions are then set in
/// rows, in the order the chain first reaches them, each row about as wide as the map's 16:9 shape asks. Nodes stay
/// inside their group and groups never overlap, so no two nodes do. Same plan, same numbers.
/// </summary>
internal static class WorldMapLayout
{
    /// <summary>Room between a group's edge and its nodes.</summary>
    public const double Padding = 40;

    /// <summary>The group's title bar and the room below it (LiteGraph draws the title in the top 30 units).</summary>
    public const double Header = 70;

    /// <summary>
    /// The least body height of a library node: room for its icon on the map. The frontend keeps a saved size larger
    /// than the one it computes, so the map and the opened workflow agree.
    /// </summary>
    public const double LibraryMinHeight = 150;

    /// <summary>Room between two regions.</summary>
    public const double Gap = 120;

    /// <summary>Sizes and places every node of <paramref name="nodes"/> (by id) and returns the region boxes.</summary>
    public static ImmutableArray<WorldRegionBox> Apply(WorldPlan plan, IReadOnlyDictionary<int, JsonObject> nodes, SchemaSet schemas)
    {
        var blocks = plan.Regions.Select(r => Block(plan, r, nodes, schemas)).ToList();
        var area = blocks.Sum(b => (b.Width + Gap) * (b.Height + Gap));
        var rowWidth = Math.Max(blocks.Max(b => b.Width), Math.Sqrt(area * 16 / 9));

        var boxes = ImmutableArray.CreateBuilder<WorldRegionBox>();
        double x = 0, y = 0, rowHeight = 0;
        foreach (var block in blocks)
        {
            if (x > 0 && x + block.Width > rowWidth)
            {
                x = 0;
                y += rowHeight + Gap;
                rowHeight = 0;
            }

            foreach (var (id, (nx, ny)) in block.Positions)
            {
                nodes[id]["pos"] = new JsonArray(x + Padding + nx, y + Header + ny);
            }

            boxes.Add(new WorldRegionBox(block.Region, x, y, block.Width, block.Height));
            x += block.Width + Gap;
            rowHeight = Math.Max(rowHeight, block.Height);
        }

        return boxes.ToImmutable();
    }

    private sealed record RegionBlock(string Region, double Width, double Height, IReadOnlyList<(int Id, (double X, double Y) Pos)> Positions);

    /// <summary>One region laid out with its top-left at (0, 0): node positions relative to the group's inside.</summary>
    private static RegionBlock Block(WorldPlan plan, string region, IReadOnlyDictionary<int, JsonObject> nodes, SchemaSet schemas)
    {
        var items = plan.Items.Where(i => i.Region == region).ToList();
        var index = items.Select((item, k) => (item.Id, k)).ToDictionary(p => p.Id, p => p.k);
        var edges = plan.Links.Where(l => index.ContainsKey(l.From) && index.ContainsKey(l.To)).Select(l => (index[l.From], index[l.To])).Distinct().ToList();
        var sizes = items.Select(i => FrontendNodeSize.Of(NodeShapeReader.Read(nodes[i.Id], schemas)))
            .Select((s, k) => items[k].Kind == WorldItemKind.Library ? (s.Width, Height: Math.Max(s.Height, LibraryMinHeight)) : s).ToList();
        var positions = LayeredLayout.Place(items.Count, edges, sizes.Select(s => (s.Width, s.Height)).ToList(), out _, out _);
        for (var k = 0; k < items.Count; k++)
        {
            nodes[items[k].Id]["size"] = new JsonArray(sizes[k].Width, sizes[k].Height);
        }

        var width = Enumerable.Range(0, items.Count).Max(k => positions[k].X + sizes[k].Width) + (2 * Padding);
        var height = Enumerable.Range(0, items.Count).Max(k => positions[k].Y + sizes[k].Height) + Header + Padding;
        return new RegionBlock(region, Math.Ceiling(width), Math.Ceiling(height), items.Select((item, k) => (item.Id, positions[k])).ToList());
    }
}
