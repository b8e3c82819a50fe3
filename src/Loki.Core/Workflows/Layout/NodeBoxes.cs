namespace Loki.Core.Workflows.Layout;

/// <summary>Overlap tests between node boxes (x, y, width, height), as the frontend's canvas draws them.</summary>
public static class NodeBoxes
{
    /// <summary>Index pairs (lower first) of boxes that share some area; touching edges do not count.</summary>
    public static IReadOnlyList<(int A, int B)> Overlapping(IReadOnlyList<(double X, double Y, double W, double H)> boxes)
    {
        var byX = Enumerable.Range(0, boxes.Count).OrderBy(i => boxes[i].X).ThenBy(i => i).ToList();
        var pairs = new List<(int, int)>();
        for (var i = 0; i < byX.Count; i++)
        {
            var a = boxes[byX[i]];
            for (var j = i + 1; j < byX.Count && boxes[byX[j]].X < a.X + a.W; j++)
            {
                var b = boxes[byX[j]];
                if (a.X < b.X + b.W && b.X < a.X + a.W && a.Y < b.Y + b.H && b.Y < a.Y + a.H)
                {
                    pairs.Add((Math.Min(byX[i], byX[j]), Math.Max(byX[i], byX[j])));
                }
            }
        }

        return pairs.Order().ToList();
    }
}
