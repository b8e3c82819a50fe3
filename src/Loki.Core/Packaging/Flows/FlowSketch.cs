using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Loki.Core.Packaging.Flows;

/// <summary>
/// The drawable skeleton of a workflow: boxes and wires. Read from a UI workflow (schema 0.4 array links or schema 1
/// object links, positions as saved) or an API prompt (no positions: laid out in columns by dependency depth).
/// </summary>
/// <param name="Nodes">The boxes.</param>
/// <param name="Links">The wires.</param>
public sealed record FlowSketch(ImmutableArray<FlowSketch.Box> Nodes, ImmutableArray<FlowSketch.Wire> Links)
{
    /// <summary>One node as a box: its title as the canvas shows it, its title-bar and body colours when it has its own.</summary>
    public sealed record Box(string Id, string Type, string Title, double X, double Y, double Width, double Height, string? Color, string? BgColor, int Inputs, int Outputs);

    /// <summary>One link between an output slot and an input slot.</summary>
    public sealed record Wire(string From, int FromSlot, string To, int ToSlot, string Type);

    /// <summary>
    /// Reads a workflow; null when it is neither UI nor API form. <paramref name="titleOf"/> names a node the way the
    /// canvas does (its title, else its class's display name); without it the saved title or the class is used.
    /// </summary>
    public static FlowSketch? From(JsonNode? root, Func<JsonObject, string?>? titleOf = null)
    {
        if (root is JsonObject obj && obj["nodes"] is JsonArray nodes)
        {
            return FromUi(nodes, obj["links"] as JsonArray, titleOf);
        }

        if (root is JsonObject api && api.Count > 0 && api.All(p => p.Value is JsonObject o && o["class_type"] is JsonValue))
        {
            return FromApi(api);
        }

        return null;
    }

    private static FlowSketch FromUi(JsonArray nodes, JsonArray? links, Func<JsonObject, string?>? titleOf)
    {
        var boxes = ImmutableArray.CreateBuilder<Box>();
        foreach (var n in nodes.OfType<JsonObject>())
        {
            var (x, y) = Pair(n["pos"], 0, 0);
            var (w, h) = Pair(n["size"], 200, 100);
            var type = n["type"]?.ToString() ?? "?";
            boxes.Add(new Box(n["id"]?.ToString() ?? "?", type, titleOf?.Invoke(n) ?? n["title"]?.ToString() ?? type, x, y, Math.Max(w, 40), Math.Max(h, 30),
                n["color"]?.ToString(), n["bgcolor"]?.ToString(), (n["inputs"] as JsonArray)?.Count ?? 0, (n["outputs"] as JsonArray)?.Count ?? 0));
        }

        var wires = ImmutableArray.CreateBuilder<Wire>();
        foreach (var l in links ?? [])
        {
            switch (l)
            {
                case JsonArray a when a.Count >= 5:
                    wires.Add(new Wire(a[1]?.ToString() ?? "", Int(a[2]), a[3]?.ToString() ?? "", Int(a[4]), a.Count > 5 ? a[5]?.ToString() ?? "*" : "*"));
                    break;
                case JsonObject o:
                    wires.Add(new Wire(o["origin_id"]?.ToString() ?? "", Int(o["origin_slot"]), o["target_id"]?.ToString() ?? "", Int(o["target_slot"]), o["type"]?.ToString() ?? "*"));
                    break;
            }
        }

        return new FlowSketch(boxes.ToImmutable(), wires.ToImmutable());
    }

    private static FlowSketch FromApi(JsonObject api)
    {
        var wires = new List<Wire>();
        foreach (var (id, node) in api)
        {
            var slot = 0;
            foreach (var (_, value) in (node!["inputs"] as JsonObject) ?? [])
            {
                if (value is JsonArray { Count: 2 } link && link[1] is JsonValue)
                {
                    wires.Add(new Wire(link[0]?.ToString() ?? "", Int(link[1]), id, slot, "*"));
                }

                slot++;
            }
        }

        // Columns by longest path from a source, rows in id order: deterministic and readable.
        var depth = api.Select(p => p.Key).ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
        for (var pass = 0; pass < depth.Count; pass++)
        {
            var changed = false;
            foreach (var w in wires.Where(w => depth.ContainsKey(w.From) && depth.ContainsKey(w.To)))
            {
                if (depth[w.To] < depth[w.From] + 1)
                {
                    depth[w.To] = depth[w.From] + 1;
                    changed = true;
                }
            }

            if (!changed)
            {
                break;
            }
        }

        var boxes = api.Select(p => p.Key)
            .OrderBy(k => depth[k]).ThenBy(k => k.Length).ThenBy(k => k, StringComparer.Ordinal)
            .GroupBy(k => depth[k])
            .SelectMany(col => col.Select((k, row) => new Box(k, api[k]!["class_type"]!.ToString(), api[k]!["_meta"]?["title"]?.ToString() ?? api[k]!["class_type"]!.ToString(), col.Key * 320, row * 180, 260, 140, null, null,
                wires.Count(w => w.To == k), Math.Max(1, wires.Where(w => w.From == k).Select(w => w.FromSlot).DefaultIfEmpty(0).Max() + 1))))
            .ToImmutableArray();
        return new FlowSketch(boxes, [.. wires]);
    }

    private static (double, double) Pair(JsonNode? node, double dx, double dy) => node switch
    {
        JsonArray { Count: >= 2 } a => (Num(a[0], dx), Num(a[1], dy)),
        JsonObject o => (Num(o["0"], dx), Num(o["1"], dy)),
        _ => (dx, dy),
    };

    private static double Num(JsonNode? n, double fallback) =>
        n is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<double>() : fallback;

    private static int Int(JsonNode? n) =>
        n is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? (int)v.GetValue<double>()
        : int.TryParse(n?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : 0;
}
