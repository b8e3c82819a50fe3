using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Loki.Core.Packaging.Flows;

/// <summary>
/// Turns a flow (a UI workflow) into a subgraph blueprint the ComfyUI editor loads from a pack's <c>subgraphs/</c>
/// folder: a schema-0.4 workflow whose root holds exactly one node, an instance of the one subgraph definition in
/// <c>definitions.subgraphs</c> (the frontend's <c>SubgraphBlueprint.validateSubgraph</c> rule; the instance's
/// inputs and outputs give the blueprint's node definition). The flow's <c>LokiInput</c>/<c>LokiOutput</c> markers
/// become the subgraph's inputs and outputs (links from/to the boundary nodes -10/-20, comfyui-reference §2.10),
/// and what only fed an input marker (the flow's example input) is left out (<see cref="MarkerFeedPruner"/>);
/// a flow without markers becomes a closed subgraph with its loaders and savers inside.
/// </summary>
public static class SubgraphBlueprintBuilder
{
    private const int InputNodeId = -10;
    private const int OutputNodeId = -20;

    /// <summary>Builds the blueprint; null when <paramref name="flow"/> is not a UI workflow.</summary>
    /// <param name="flow">The flow's UI workflow.</param>
    /// <param name="name">The blueprint's display name.</param>
    /// <param name="seed">A stable string (the node name) from which the definition's uuid is derived.</param>
    /// <param name="loki">The <c>extra.loki</c> provenance block.</param>
    public static JsonObject? Build(JsonObject flow, string name, string seed, JsonObject loki)
    {
        if (flow["nodes"] is not JsonArray flowNodes)
        {
            return null;
        }

        var nodes = flowNodes.OfType<JsonObject>().Select(n => (JsonObject)n.DeepClone()).ToList();
        var links = NormalizeLinks(flow["links"] as JsonArray);
        var markersIn = nodes.Where(n => Type(n) == "LokiInput").OrderBy(Y).ThenBy(X).ThenBy(Id).ToList();
        var markersOut = nodes.Where(n => Type(n) == "LokiOutput").OrderBy(Y).ThenBy(X).ThenBy(Id).ToList();

        // What feeds a marker stays outside the subgraph's interface: an input marker's `value` source (the flow's
        // example input, e.g. a LoadImage) is removed, and consumers of an output marker read its source directly.
        var inIds = markersIn.Select(Id).ToHashSet();
        var outIds = markersOut.Select(Id).ToHashSet();
        MarkerFeedPruner.Prune(nodes, links, inIds);

        foreach (var l in links.Where(l => outIds.Contains(Int(l["origin_id"]))).ToList())
        {
            var source = links.FirstOrDefault(u => Int(u["target_id"]) == Int(l["origin_id"]));
            if (source is null)
            {
                links.Remove(l);
                continue;
            }

            l["origin_id"] = Int(source["origin_id"]);
            l["origin_slot"] = Int(source["origin_slot"]);
            Relink(nodes, Int(source["origin_id"]), Int(source["origin_slot"]), Int(l["id"]));
        }

        var inputs = new JsonArray();
        for (var k = 0; k < markersIn.Count; k++)
        {
            var marker = markersIn[k];
            var outgoing = links.Where(l => l["origin_id"]!.GetValue<int>() == Id(marker)).ToList();
            var type = WidgetString(marker, 1) ?? outgoing.Select(l => l["type"]?.ToString()).FirstOrDefault() ?? "*";
            foreach (var l in outgoing)
            {
                l["origin_id"] = InputNodeId;
                l["origin_slot"] = k;
            }

            var label = WidgetString(marker, 0) ?? $"input_{k}";
            inputs.Add(new JsonObject
            {
                ["id"] = Uuid($"{seed}:input:{k}"), ["name"] = label, ["type"] = type,
                ["linkIds"] = new JsonArray([.. outgoing.Select(l => (JsonNode)l["id"]!.GetValue<int>())]),
                ["localized_name"] = label,
            });
        }

        var outputs = new JsonArray();
        for (var k = 0; k < markersOut.Count; k++)
        {
            var marker = markersOut[k];
            var incoming = links.Where(l => l["target_id"]!.GetValue<int>() == Id(marker)).ToList();
            foreach (var l in incoming)
            {
                l["target_id"] = OutputNodeId;
                l["target_slot"] = k;
            }

            var label = WidgetString(marker, 0) ?? $"output_{k}";
            outputs.Add(new JsonObject
            {
                ["id"] = Uuid($"{seed}:output:{k}"), ["name"] = label,
                ["type"] = incoming.Select(l => l["type"]?.ToString()).FirstOrDefault() ?? "*",
                ["linkIds"] = new JsonArray([.. incoming.Select(l => (JsonNode)l["id"]!.GetValue<int>())]),
                ["localized_name"] = label,
            });
        }

        var markerIds = markersIn.Concat(markersOut).Select(Id).ToHashSet();
        nodes.RemoveAll(n => markerIds.Contains(Id(n)));
        var minX = nodes.Count == 0 ? 0 : nodes.Min(X);
        var maxX = nodes.Count == 0 ? 400 : nodes.Max(n => X(n) + Size(n, 0));
        var midY = nodes.Count == 0 ? 0 : (nodes.Min(Y) + nodes.Max(n => Y(n) + Size(n, 1))) / 2;
        var definitionId = Uuid(seed + ":definition");

        var definition = new JsonObject
        {
            ["id"] = definitionId,
            ["version"] = 1,
            ["state"] = new JsonObject
            {
                ["lastGroupId"] = 0,
                ["lastNodeId"] = nodes.Select(Id).DefaultIfEmpty(0).Max(),
                ["lastLinkId"] = links.Select(l => l["id"]!.GetValue<int>()).DefaultIfEmpty(0).Max(),
                ["lastRerouteId"] = 0,
            },
            ["revision"] = 0,
            ["config"] = new JsonObject(),
            ["name"] = name,
            ["inputNode"] = new JsonObject { ["id"] = InputNodeId, ["bounding"] = Bounding(minX - 220, midY - 30) },
            ["outputNode"] = new JsonObject { ["id"] = OutputNodeId, ["bounding"] = Bounding(maxX + 100, midY - 30) },
            ["inputs"] = inputs,
            ["outputs"] = outputs,
            ["widgets"] = new JsonArray(),
            ["nodes"] = new JsonArray([.. nodes]),
            ["groups"] = (flow["groups"] as JsonArray)?.DeepClone() ?? new JsonArray(),
            ["links"] = new JsonArray([.. links]),
            ["extra"] = new JsonObject(),
        };

        var instance = new JsonObject
        {
            ["id"] = 1,
            ["type"] = definitionId,
            ["pos"] = new JsonArray(0, 0),
            ["size"] = new JsonArray(240, Math.Max(60, 30 + 22 * Math.Max(inputs.Count, outputs.Count))),
            ["flags"] = new JsonObject(),
            ["order"] = 0,
            ["mode"] = 0,
            ["inputs"] = new JsonArray([.. inputs.Select(i => (JsonNode)new JsonObject { ["name"] = i!["name"]!.DeepClone(), ["type"] = i["type"]!.DeepClone(), ["link"] = null })]),
            ["outputs"] = new JsonArray([.. outputs.Select(o => (JsonNode)new JsonObject { ["name"] = o!["name"]!.DeepClone(), ["type"] = o["type"]!.DeepClone(), ["links"] = new JsonArray() })]),
            ["properties"] = new JsonObject(),
            ["widgets_values"] = new JsonArray(),
        };

        return new JsonObject
        {
            ["revision"] = 0,
            ["last_node_id"] = 1,
            ["last_link_id"] = 0,
            ["nodes"] = new JsonArray(instance),
            ["links"] = new JsonArray(),
            ["groups"] = new JsonArray(),
            ["config"] = new JsonObject(),
            ["definitions"] = new JsonObject { ["subgraphs"] = new JsonArray(definition) },
            ["extra"] = new JsonObject { ["loki"] = loki.DeepClone() },
            ["version"] = 0.4,
        };
    }

    /// <summary>A uuid-shaped id derived from <paramref name="seed"/> (stable across builds, version-4 layout).</summary>
    public static string Uuid(string seed)
    {
        var h = SHA256.HashData(Encoding.UTF8.GetBytes("loki-subgraph/" + seed));
        h[6] = (byte)((h[6] & 0x0F) | 0x40);
        h[8] = (byte)((h[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(h.AsSpan(0, 16));
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}";
    }

    private static List<JsonObject> NormalizeLinks(JsonArray? links)
    {
        var result = new List<JsonObject>();
        foreach (var l in links ?? [])
        {
            switch (l)
            {
                case JsonArray a when a.Count >= 5:
                    result.Add(new JsonObject
                    {
                        ["id"] = Int(a[0]), ["origin_id"] = Int(a[1]), ["origin_slot"] = Int(a[2]),
                        ["target_id"] = Int(a[3]), ["target_slot"] = Int(a[4]), ["type"] = a.Count > 5 ? a[5]?.DeepClone() : "*",
                    });
                    break;
                case JsonObject o:
                    var copy = (JsonObject)o.DeepClone();
                    foreach (var key in new[] { "id", "origin_id", "origin_slot", "target_id", "target_slot" })
                    {
                        copy[key] = Int(o[key]);
                    }

                    result.Add(copy);
                    break;
            }
        }

        return result;
    }

    private static void Relink(List<JsonObject> nodes, int nodeId, int slot, int linkId)
    {
        if (OutputLinks(nodes, nodeId, slot) is { } ids && !ids.Any(x => Int(x) == linkId))
        {
            ids.Add(linkId);
        }
    }

    private static JsonArray? OutputLinks(List<JsonObject> nodes, int nodeId, int slot) =>
        nodes.FirstOrDefault(n => Id(n) == nodeId)?["outputs"] is JsonArray outputs && outputs.Count > slot && outputs[slot] is JsonObject output
            ? output["links"] as JsonArray ?? (JsonArray)(output["links"] = new JsonArray())
            : null;

    private static JsonArray Bounding(double x, double y) => new(Math.Round(x), Math.Round(y), 120, 60);

    private static string? Type(JsonObject n) => n["type"]?.ToString();

    private static int Id(JsonObject n) => Int(n["id"]);

    private static double X(JsonObject n) => Coord(n["pos"], 0);

    private static double Y(JsonObject n) => Coord(n["pos"], 1);

    private static double Size(JsonObject n, int i) => Coord(n["size"], i);

    private static double Coord(JsonNode? p, int i) => p switch
    {
        JsonArray a when a.Count > i && a[i] is JsonValue v && v.GetValueKind() == JsonValueKind.Number => v.GetValue<double>(),
        JsonObject o when o[i.ToString(System.Globalization.CultureInfo.InvariantCulture)] is JsonValue v && v.GetValueKind() == JsonValueKind.Number => v.GetValue<double>(),
        _ => 0,
    };

    // Values parsed from a file hold JSON numbers; values this class set hold CLR ints: read both.
    private static int Int(JsonNode? n) => n switch
    {
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        JsonValue v when v.TryGetValue<double>(out var d) => (int)d,
        _ => int.TryParse(n?.ToString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : 0,
    };

    private static string? WidgetString(JsonObject n, int index) =>
        n["widgets_values"] is JsonArray w && w.Count > index && w[index] is JsonValue v && v.GetValueKind() == JsonValueKind.String
            && v.GetValue<string>().Trim() is { Length: > 0 } s ? s : null;
}
