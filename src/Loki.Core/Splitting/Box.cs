using System.Text.Json.Nodes;
using Loki.Core.Workflows;

namespace Loki.Core.Splitting;

/// <summary>An axis-aligned rectangle of the canvas (a group's <c>bounding</c>, a node's <c>pos</c> + <c>size</c>).</summary>
internal readonly record struct Box(double X, double Y, double W, double H)
{
    public double Area => Math.Max(0, W) * Math.Max(0, H);

    /// <summary>litegraph's rule for a node in a group: its centre is inside.</summary>
    public bool ContainsCentreOf(Box other) => Contains(other.X + (other.W / 2), other.Y + (other.H / 2));

    /// <summary>litegraph's rule for a group in a group: the whole rectangle is inside.</summary>
    public bool ContainsBox(Box other) => other.X >= X && other.Y >= Y && other.X + other.W <= X + W && other.Y + other.H <= Y + H;

    /// <summary>The share of <paramref name="other"/>'s area inside this box (0..1).</summary>
    public double Covered(Box other)
    {
        var w = Math.Min(X + W, other.X + other.W) - Math.Max(X, other.X);
        var h = Math.Min(Y + H, other.Y + other.H) - Math.Max(Y, other.Y);
        return other.Area <= 0 || w <= 0 || h <= 0 ? 0 : w * h / other.Area;
    }

    public bool Contains(double x, double y) => x >= X && y >= Y && x <= X + W && y <= Y + H;

    /// <summary>A group's <c>bounding</c> <c>[x, y, w, h]</c>, or null.</summary>
    public static Box? OfGroup(JsonObject group) =>
        group["bounding"] is JsonArray { Count: >= 4 } b && JsonRead.Number(b[0]) is { } x && JsonRead.Number(b[1]) is { } y && JsonRead.Number(b[2]) is { } w && JsonRead.Number(b[3]) is { } h
            ? new Box(x, y, w, h) : null;

    /// <summary>A node's body from <c>pos</c> and <c>size</c> (arrays or the old <c>{"0": x, "1": y}</c> objects), or null.</summary>
    public static Box? OfNode(JsonObject node) =>
        Pair(node["pos"]) is { } p && Pair(node["size"]) is { } s ? new Box(p.A, p.B, s.A, s.B) : null;

    private static (double A, double B)? Pair(JsonNode? n) => n switch
    {
        JsonArray { Count: >= 2 } a when JsonRead.Number(a[0]) is { } x && JsonRead.Number(a[1]) is { } y => (x, y),
        JsonObject o when JsonRead.Number(o["0"]) is { } x && JsonRead.Number(o["1"]) is { } y => (x, y),
        _ => null,
    };
}
