using Loki.Core.Rendering;
using SkiaSharp;

namespace Loki.Core.Glamours;

/// <summary>
/// Draws a flow's composition on its icon: each inner node a square tile on the grid its layout implies (column by
/// x, then top to bottom within the column), a LOKI node's tile filled with that node's own icon, any other node's
/// tile with its title, and the flow's wires between them in their type's colour. The flow's input and output
/// markers are its border, not parts: they are left out.
/// </summary>
public static class CompositionPainter
{
    /// <summary>Where each part's tile lands in <paramref name="area"/>, by node id.</summary>
    public static IReadOnlyDictionary<string, SKRect> Layout(FlowComposition composition, SKRect area)
    {
        var parts = composition.Parts;
        var tiles = new Dictionary<string, SKRect>(StringComparer.Ordinal);
        if (parts.Length == 0)
        {
            return tiles;
        }

        var columns = parts.Select(p => Math.Round(p.X)).Distinct().Order().ToList();
        var byColumn = parts.GroupBy(p => columns.IndexOf(Math.Round(p.X))).ToDictionary(g => g.Key, g => g.OrderBy(p => p.Y).ThenBy(p => p.Id, StringComparer.Ordinal).ToList());
        var rows = byColumn.Values.Max(c => c.Count);
        var cell = Math.Min(area.Width / columns.Count, area.Height / rows);
        var tile = cell * 0.78f;
        var left = area.Left + (area.Width - cell * columns.Count) / 2;
        foreach (var (column, nodes) in byColumn)
        {
            var top = area.Top + (area.Height - cell * nodes.Count) / 2;
            for (var i = 0; i < nodes.Count; i++)
            {
                var x = left + column * cell + (cell - tile) / 2;
                var y = top + i * cell + (cell - tile) / 2;
                tiles[nodes[i].Id] = new SKRect(x, y, x + tile, y + tile);
            }
        }

        return tiles;
    }

    /// <summary>Draws the composition into <paramref name="area"/> with <paramref name="palette"/>.</summary>
    public static void Paint(RenderCanvas canvas, FlowComposition composition, SKRect area, Func<string, byte[]?> iconOfNode, GlamourPalette palette)
    {
        var tiles = Layout(composition, area);
        if (tiles.Count == 0)
        {
            return;
        }

        var tile = tiles.Values.First().Width;
        foreach (var (from, to, type) in Wires(composition, tiles))
        {
            var (a, b) = (tiles[from], tiles[to]);
            canvas.Wire(a.Right, a.MidY, b.Left, b.MidY, TypeColors.Of(type), Math.Max(2f, tile * 0.04f));
        }

        var radius = tile * 0.16f;
        foreach (var part in composition.Parts)
        {
            var box = tiles[part.Id];
            canvas.RoundedBox(box, radius, palette.Background, palette.Accent.WithAlpha(0xA0), Math.Max(1.5f, tile * 0.025f));
            var icon = composition.LokiNodes.TryGetValue(part.Type, out var node) ? iconOfNode(node) : null;
            if (icon is not null)
            {
                canvas.Image(icon, SKRect.Inflate(box, -tile * 0.06f, -tile * 0.06f), radius);
                continue;
            }

            var size = Math.Max(6f, tile * 0.15f);
            var lines = canvas.Wrap(part.Title, size, box.Width * 0.86f, bold: true).Take(3).ToList();
            var y = box.MidY - (lines.Count - 1) * size * 0.6f + size * 0.35f;
            foreach (var line in lines)
            {
                canvas.Text(line, box.MidX, y, size, palette.Text, bold: true, align: TextAlign.Center, maxWidth: box.Width * 0.9f);
                y += size * 1.2f;
            }
        }
    }

    // Wires between parts; a wire into a left-out marker continues along the marker's own wires (a value fed
    // through an input marker still flows from its source to the part that uses it).
    private static IEnumerable<(string From, string To, string Type)> Wires(FlowComposition composition, IReadOnlyDictionary<string, SKRect> tiles)
    {
        var links = composition.Sketch.Links;
        var seen = new HashSet<(string, string)>();
        foreach (var w in links.Where(w => tiles.ContainsKey(w.From)))
        {
            var targets = new List<string>();
            var frontier = new Queue<string>([w.To]);
            var visited = new HashSet<string>(StringComparer.Ordinal);
            while (frontier.Count > 0)
            {
                var next = frontier.Dequeue();
                if (tiles.ContainsKey(next))
                {
                    targets.Add(next);
                }
                else if (visited.Add(next))
                {
                    foreach (var onward in links.Where(l => l.From == next))
                    {
                        frontier.Enqueue(onward.To);
                    }
                }
            }

            foreach (var t in targets.Where(t => seen.Add((w.From, t))))
            {
                yield return (w.From, t, w.Type);
            }
        }
    }
}
