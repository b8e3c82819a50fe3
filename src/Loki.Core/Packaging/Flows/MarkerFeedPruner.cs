using System.Text.Json.Nodes;

namespace Loki.Core.Packaging.Flows;

/// <summary>
/// Removes what feeds a flow's input markers from a subgraph definition being built. In a flow, an input marker's
/// <c>value</c> socket takes the flow's example input (a <c>LoadImage</c>, maybe a chain behind it); in the subgraph
/// the marker is a subgraph input, so that feed would be a dangling node that runs for nothing when the subgraph is
/// opened and queued. A node goes when every one of its outgoing links ends at an input marker or at a node that
/// goes; a node that also feeds a kept node stays (only its links into the removed part are cut). Nodes without
/// outgoing links (savers, previews, dead branches) are never removed.
/// </summary>
internal static class MarkerFeedPruner
{
    /// <summary>Prunes <paramref name="nodes"/> and <paramref name="links"/> in place; returns the removed node ids.</summary>
    /// <param name="nodes">The flow's nodes (copies owned by the builder).</param>
    /// <param name="links">The flow's links as objects (id, origin_id, origin_slot, target_id, target_slot, type).</param>
    /// <param name="inputMarkers">The ids of the flow's input markers.</param>
    public static IReadOnlySet<int> Prune(List<JsonObject> nodes, List<JsonObject> links, IReadOnlySet<int> inputMarkers)
    {
        var removed = new HashSet<int>();
        var sinks = new HashSet<int>(inputMarkers);
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var node in nodes)
            {
                var id = Int(node["id"]);
                if (sinks.Contains(id))
                {
                    continue;
                }

                var outgoing = links.Where(l => Int(l["origin_id"]) == id).ToList();
                if (outgoing.Count > 0 && outgoing.All(l => sinks.Contains(Int(l["target_id"]))))
                {
                    removed.Add(id);
                    sinks.Add(id);
                    changed = true;
                }
            }
        }

        foreach (var link in links.Where(l => sinks.Contains(Int(l["target_id"])) || removed.Contains(Int(l["origin_id"]))).ToList())
        {
            links.Remove(link);
            Forget(nodes, link);
        }

        nodes.RemoveAll(n => removed.Contains(Int(n["id"])));
        return removed;
    }

    // The link leaves its origin's output list and its target's input (the marker's input is removed with it).
    private static void Forget(List<JsonObject> nodes, JsonObject link)
    {
        var linkId = Int(link["id"]);
        var origin = nodes.FirstOrDefault(n => Int(n["id"]) == Int(link["origin_id"]));
        if (origin?["outputs"] is JsonArray outputs)
        {
            foreach (var output in outputs.OfType<JsonObject>())
            {
                if (output["links"] is JsonArray ids && ids.FirstOrDefault(x => Int(x) == linkId) is { } found)
                {
                    ids.Remove(found);
                }
            }
        }

        var target = nodes.FirstOrDefault(n => Int(n["id"]) == Int(link["target_id"]));
        foreach (var input in (target?["inputs"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            if (Int(input["link"]) == linkId && input["link"] is not null)
            {
                input["link"] = null;
            }
        }
    }

    private static int Int(JsonNode? n) => n switch
    {
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        JsonValue v when v.TryGetValue<double>(out var d) => (int)d,
        _ => -1,
    };
}
