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
    /// <summary>One node as a box.</summary>
    public sealed record Box(string Id, string Type, double X, double Y, double Width, double Height, string? Color, int Inputs, int Outputs);

    /// <summary>One link between an output slot and an input slot.</summary>
    public sealed record Wire(string From, int FromSlot, string To, int ToSlot, string Type);

    /// <summary>Reads a workflow; null when it is neither UI nor API form.</summary>
    public static FlowSketch? From(JsonNode? root)
    {
        if (root is JsonObject obj && obj["nodes"] is JsonArray nodes)
        {
            return FromUi(nodes, obj["links"] as JsonArray);
        }

        if (root is JsonObject api && api.Count > 0 && api.All(p => p.Value is JsonObject o && o["class_type"] is JsonValue))
        {
            return FromApi(api);
        }

        return null;
    }

    private static FlowSketch FromUi(JsonArray nodes, JsonArray? links)
    {
        var boxes = ImmutableArray.CreateBuilder<Box>();
        foreach (var n in nodes.OfType<JsonObject>())
        {
            var (x, y) = Pair(n["pos"], 0, 0);
            var (w, h) = Pair(n["size"], 200, 100);
            boxes.Add(new Box(n["id"]?.ToString() ?? "?", n["type"]?.ToString() ?? "?", x, y, Math.Max(w, 40), Math.Max(h, 30),
                (n["bgcolor"] ?? n["color"])?.ToString(), (n["inputs"] as JsonArray)?.Count ?? 0, (n["outputs"] as JsonArray)?.Count ?? 0));
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
            .SelectMany(col => col.Select((k, row) => new Box(k, api[k]!["class_type"]!.ToString(), col.Key * 320, row * 180, 260, 140, null,
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
