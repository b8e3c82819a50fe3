using System.Text.Json.Nodes;
using Loki.Core.Text;

namespace Loki.Core.Tests.Conversion;

/// <summary>Structural checks of a UI workflow built by API → UI: links agree with slots, nodes do not overlap.</summary>
internal static class UiWorkflowAssert
{
    private const double TitleHeight = 30;

    /// <summary>Every link joins an existing output and input of the same type, and both ends record it.</summary>
    /// <param name="ui">The workflow.</param>
    /// <param name="mismatches">JSON paths (<c>$[id].inputs.name</c>) the converter warned about: links the prompt itself joins across types.</param>
    public static void LinksMatchSlots(JsonObject ui, IReadOnlyCollection<string>? mismatches = null)
    {
        var nodes = ui["nodes"]!.AsArray().Select(n => n!.AsObject()).ToDictionary(n => n["id"]!.ToJsonString());
        var seen = new HashSet<long>();
        foreach (var link in ui["links"]!.AsArray().Select(l => l!.AsArray()))
        {
            var id = Long(link[0]);
            Assert.True(seen.Add(id), $"link id {id} used twice");
            var origin = nodes[link[1]!.ToJsonString()];
            var target = nodes[link[3]!.ToJsonString()];
            var output = origin["outputs"]!.AsArray()[(int)Long(link[2])]!;
            var input = target["inputs"]!.AsArray()[(int)Long(link[4])]!;
            var type = link[5]!.GetValue<string>();
            Assert.Contains(id, output["links"]!.AsArray().Select(Long));
            Assert.Equal(id, Long(input["link"]));
            Assert.True(Compatible(output["type"]!.GetValue<string>(), type), $"link {id}: output type {output["type"]} vs link type {type}");
            var path = Loki.Core.Workflows.JsonPathText.Key(Loki.Core.Workflows.JsonPathText.Key("$", IdText(target["id"]!)) + ".inputs", input["name"]!.GetValue<string>());
            Assert.True(Compatible(input["type"]!.GetValue<string>(), type) || mismatches?.Contains(path) == true, $"link {id}: input type {input["type"]} vs link type {type}, no warning at {path}");
        }

        Assert.Equal(seen.Count == 0 ? 0 : seen.Max(), Long(ui["last_link_id"]));
        var linked = nodes.Values.SelectMany(n => n["inputs"]!.AsArray()).Count(i => i!["link"] is not null);
        Assert.Equal(seen.Count, linked);
    }

    /// <summary>No two node rectangles (title bar included) overlap, and every link points left to right.</summary>
    public static void NoOverlaps(JsonObject ui)
    {
        var rects = ui["nodes"]!.AsArray().Select(n => (
            Id: n!["id"]!.ToJsonString(),
            X: Double(n["pos"]![0]), Y: Double(n["pos"]![1]) - TitleHeight,
            W: Double(n["size"]![0]), H: Double(n["size"]![1]) + TitleHeight)).OrderBy(r => r.X).ToList();
        for (var i = 0; i < rects.Count; i++)
        {
            for (var j = i + 1; j < rects.Count && rects[j].X < rects[i].X + rects[i].W; j++)
            {
                var a = rects[i];
                var b = rects[j];
                var overlap = a.X < b.X + b.W && b.X < a.X + a.W && a.Y < b.Y + b.H && b.Y < a.Y + a.H;
                Assert.False(overlap, $"nodes {a.Id} and {b.Id} overlap");
            }
        }

        var x = rects.ToDictionary(r => r.Id, r => r.X);
        foreach (var link in ui["links"]!.AsArray())
        {
            Assert.True(x[link![1]!.ToJsonString()] < x[link[3]!.ToJsonString()], $"link {link[0]} points right to left");
        }
    }

    /// <summary>Two prompts hold the same nodes, classes and inputs (<c>_meta</c> ignored, key order free).</summary>
    public static void SamePrompt(JsonObject expected, JsonObject actual, string because)
    {
        var a = CanonicalJson.WriteCompact(CanonicalJson.SortKeys(StripMeta(expected)));
        var b = CanonicalJson.WriteCompact(CanonicalJson.SortKeys(StripMeta(actual)));
        if (a == b)
        {
            return;
        }

        // Name the first node that differs, so a failure over a 900-node prompt is readable.
        var e = CanonicalJson.SortKeys(StripMeta(expected))!.AsObject();
        var f = CanonicalJson.SortKeys(StripMeta(actual))!.AsObject();
        var id = e.Select(p => p.Key).Concat(f.Select(p => p.Key)).First(k => CanonicalJson.WriteCompact(e[k]) != CanonicalJson.WriteCompact(f[k]));
        Assert.Fail($"{because}: node {id} differs\nexpected {Truncate(CanonicalJson.WriteCompact(e[id]))}\nactual   {Truncate(CanonicalJson.WriteCompact(f[id]))}");
    }

    private static JsonObject StripMeta(JsonObject prompt)
    {
        var copy = prompt.DeepClone().AsObject();
        foreach (var (_, node) in copy)
        {
            (node as JsonObject)?.Remove("_meta");
        }

        return copy;
    }

    private static string IdText(JsonNode id) => id.GetValueKind() == System.Text.Json.JsonValueKind.String ? id.GetValue<string>() : id.ToJsonString();

    private static long Long(JsonNode? n) => long.Parse(n!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    private static double Double(JsonNode? n) => double.Parse(n!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    private static bool Compatible(string slot, string link) =>
        slot == link || slot == "*" || link == "*" || slot.Split(',').Contains(link) || link.Split(',').Contains(slot);

    private static string Truncate(string s) => s.Length > 3000 ? s[..3000] + "..." : s;
}
