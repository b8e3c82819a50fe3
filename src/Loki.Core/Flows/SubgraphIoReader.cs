using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Loki.Core.Flows;

/// <summary>
/// When a workflow is one subgraph instance (plus notes), reads the subgraph's declared inputs and outputs and
/// resolves them to the inner nodes of the flattened API prompt (ids <c>"&lt;instance&gt;:&lt;inner&gt;"</c>).
/// </summary>
internal static class SubgraphIoReader
{
    private const int InputNodeId = -10;
    private const int OutputNodeId = -20;
    private static readonly HashSet<string> Decorative = ["Note", "MarkdownNote", "Reroute"];

    public static SubgraphIo? Read(JsonObject ui, JsonObject prompt)
    {
        var defs = (ui["definitions"]?["subgraphs"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(d => d["id"] is JsonValue)
            .GroupBy(d => d["id"]!.ToString(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var active = (ui["nodes"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(n => !Decorative.Contains(n["type"]?.ToString() ?? string.Empty))
            .ToList();
        if (active.Count != 1 || active[0]["type"]?.ToString() is not { } type || !defs.TryGetValue(type, out var def))
        {
            return null;
        }

        var instance = active[0]["id"]?.ToString() ?? string.Empty;
        var innerNodes = (def["nodes"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(n => n["id"] is not null)
            .GroupBy(n => n["id"]!.ToString(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var links = (def["links"] as JsonArray ?? []).Select(ReadLink).OfType<(int Id, string Origin, int OriginSlot, string Target, int TargetSlot)>().ToList();

        var inputs = ImmutableArray.CreateBuilder<(string, string, ImmutableArray<(string, string)>)>();
        var declaredInputs = (def["inputs"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        for (var k = 0; k < declaredInputs.Count; k++)
        {
            var targets = ImmutableArray.CreateBuilder<(string, string)>();
            foreach (var link in links.Where(l => l.Origin == InputNodeId.ToString(System.Globalization.CultureInfo.InvariantCulture) && l.OriginSlot == k))
            {
                var apiId = instance + ":" + link.Target;
                if (innerNodes.TryGetValue(link.Target, out var target) && target["inputs"] is JsonArray tins
                    && link.TargetSlot < tins.Count && tins[link.TargetSlot]?["name"]?.ToString() is { } inputName
                    && prompt.ContainsKey(apiId))
                {
                    targets.Add((apiId, inputName));
                }
            }

            inputs.Add((Name(declaredInputs[k]), declaredInputs[k]["type"]?.ToString() ?? "*", targets.ToImmutable()));
        }

        var outputs = ImmutableArray.CreateBuilder<(string, string, FlowLink?)>();
        var declaredOutputs = (def["outputs"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        for (var k = 0; k < declaredOutputs.Count; k++)
        {
            var link = links.FirstOrDefault(l => l.Target == OutputNodeId.ToString(System.Globalization.CultureInfo.InvariantCulture) && l.TargetSlot == k);
            var apiId = instance + ":" + link.Origin;
            FlowLink? source = link.Origin is not null && prompt.ContainsKey(apiId) ? new FlowLink(apiId, link.OriginSlot) : null;
            outputs.Add((Name(declaredOutputs[k]), declaredOutputs[k]["type"]?.ToString() ?? "*", source));
        }

        return new SubgraphIo(def["name"]?.ToString() ?? "subgraph", inputs.ToImmutable(), outputs.ToImmutable());
    }

    private static string Name(JsonObject io) =>
        io["label"] is JsonValue l && l.GetValueKind() == JsonValueKind.String && l.GetValue<string>().Length > 0 ? l.GetValue<string>() : io["name"]?.ToString() ?? "value";

    private static (int, string, int, string, int)? ReadLink(JsonNode? node) => node switch
    {
        JsonObject o when o["origin_id"] is not null && o["target_id"] is not null =>
            (Int(o["id"]), o["origin_id"]!.ToString(), Int(o["origin_slot"]), o["target_id"]!.ToString(), Int(o["target_slot"])),
        JsonArray { Count: >= 5 } a => (Int(a[0]), a[1]!.ToString(), Int(a[2]), a[3]!.ToString(), Int(a[4])),
        _ => null,
    };

    private static int Int(JsonNode? n) =>
        n is JsonValue v && (v.TryGetValue<int>(out var i) || (v.GetValueKind() == JsonValueKind.String && int.TryParse(v.GetValue<string>(), out i))) ? i : -1;
}
