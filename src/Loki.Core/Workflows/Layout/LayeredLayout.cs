namespace Loki.Core.Workflows.Layout;

/// <summary>
/// Places nodes left to right in layers: a node's layer is the length of the longest link path reaching it, so
/// every link points right. Within a layer nodes are stacked top to bottom, ordered by the mean row of the nodes
/// they connect to (a few barycentre sweeps) to keep links short and crossings few. No two node rectangles,
/// title bars included, overlap.
/// </summary>
internal static class LayeredLayout
{
    /// <summary>Space between two layers.</summary>
    public const double GapX = 100;

    /// <summary>Space between two nodes of a layer (below one's body, above the next one's title bar).</summary>
    public const double GapY = 40;

    /// <summary>
    /// Computes positions for <paramref name="count"/> nodes joined by <paramref name="edges"/> (origin, target),
    /// with body sizes <paramref name="sizes"/> (the title bar is added). <paramref name="order"/> is a topological
    /// order; when the links are not acyclic, <paramref name="cycle"/> lists the nodes on or after a cycle, and the
    /// links that close a cycle are left out of the layering.
    /// </summary>
    public static (double X, double Y)[] Place(int count, IReadOnlyList<(int From, int To)> edges, IReadOnlyList<(double W, double H)> sizes, out int[] order, out List<int> cycle)
    {
        var succ = Enumerable.Range(0, count).Select(_ => new List<int>()).ToArray();
        var pred = Enumerable.Range(0, count).Select(_ => new List<int>()).ToArray();
        var indegree = new int[count];
        foreach (var (from, to) in edges)
        {
            succ[from].Add(to);
            pred[to].Add(from);
            indegree[to]++;
        }

        // Kahn's algorithm, smallest index first, so the order is deterministic and follows the input; when only
        // nodes on cycles remain, the smallest is taken as if its remaining links were not there.
        var ready = new PriorityQueue<int, int>();
        for (var i = 0; i < count; i++)
        {
            if (indegree[i] == 0)
            {
                ready.Enqueue(i, i);
            }
        }

        var topo = new List<int>(count);
        var done = new bool[count];
        cycle = [];
        while (topo.Count < count)
        {
            if (!ready.TryDequeue(out var n, out _))
            {
                if (cycle.Count == 0)
                {
                    cycle.AddRange(Enumerable.Range(0, count).Where(i => !done[i]));
                }

                n = Enumerable.Range(0, count).First(i => !done[i]);
            }

            if (done[n])
            {
                continue;
            }

            done[n] = true;
            topo.Add(n);
            foreach (var s in succ[n])
            {
                if (--indegree[s] == 0 && !done[s])
                {
                    ready.Enqueue(s, s);
                }
            }
        }

        order = topo.ToArray();
        var rank = new int[count];
        for (var i = 0; i < count; i++)
        {
            rank[order[i]] = i;
        }

        var layer = new int[count];
        foreach (var n in topo)
        {
            foreach (var s in succ[n].Where(s => rank[s] > rank[n]))
            {
                layer[s] = Math.Max(layer[s], layer[n] + 1);
            }
        }

        var layers = OrderWithinLayers(count, layer, succ, pred);
        return Coordinates(layers, sizes, count);
    }

    private static List<List<int>> OrderWithinLayers(int count, int[] layer, List<int>[] succ, List<int>[] pred)
    {
        var layerCount = count == 0 ? 0 : layer.Max() + 1;
        var layers = Enumerable.Range(0, layerCount).Select(_ => new List<int>()).ToList();
        for (var i = 0; i < count; i++)
        {
            layers[layer[i]].Add(i);
        }

        var row = new double[count];
        void Number(List<int> l)
        {
            for (var k = 0; k < l.Count; k++)
            {
                row[l[k]] = k;
            }
        }

        layers.ForEach(Number);
        for (var sweep = 0; sweep < 4; sweep++)
        {
            var down = sweep % 2 == 0;
            var sequence = down ? Enumerable.Range(1, Math.Max(layerCount - 1, 0)) : Enumerable.Range(0, Math.Max(layerCount - 1, 0)).Reverse();
            foreach (var k in sequence)
            {
                var l = layers[k];
                var key = l.ToDictionary(n => n, n => Barycentre(down ? pred[n] : succ[n], row, n));
                l.Sort((a, b) => key[a] != key[b] ? key[a].CompareTo(key[b]) : row[a].CompareTo(row[b]));
                Number(l);
            }
        }

        return layers;
    }

    private static double Barycentre(List<int> neighbours, double[] row, int self) =>
        neighbours.Count == 0 ? row[self] : neighbours.Average(n => row[n]);

    private static (double X, double Y)[] Coordinates(List<List<int>> layers, IReadOnlyList<(double W, double H)> sizes, int count)
    {
        var pos = new (double X, double Y)[count];
        var x = 0.0;
        foreach (var l in layers)
        {
            var y = FrontendNodeSize.TitleHeight;
            foreach (var n in l)
            {
                pos[n] = (x, y);
                y += sizes[n].H + FrontendNodeSize.TitleHeight + GapY;
            }

            x += l.Select(n => sizes[n].W).DefaultIfEmpty(0).Max() + GapX;
        }

        return pos;
    }
}
