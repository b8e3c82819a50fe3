using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Loki.Core.Workflows;

namespace Loki.Core.Flows;

/// <summary>Finds the legacy <c>PrimitiveNode</c>s of a UI workflow's root graph and the widgets each one feeds.</summary>
internal static class LegacyPrimitiveReader
{
    private static readonly HashSet<string> ModeNames = ["fixed", "increment", "decrement", "randomize"];

    /// <summary>The primitives of <paramref name="ui"/> that feed at least one widget input of <paramref name="prompt"/>.</summary>
    public static ImmutableArray<LegacyPrimitive> Read(JsonObject ui, JsonObject prompt)
    {
        var nodes = (ui["nodes"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var byId = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (JsonRead.Id(node["id"]) is { } id)
            {
                byId.TryAdd(id, node);
            }
        }

        var links = new Dictionary<string, (string Target, int Slot)>(StringComparer.Ordinal);
        foreach (var link in (ui["links"] as JsonArray ?? []).OfType<JsonArray>())
        {
            if (link.Count >= 5 && JsonRead.Id(link[0]) is { } linkId && JsonRead.Id(link[3]) is { } target && JsonRead.Long(link[4]) is { } slot)
            {
                links[linkId] = (target, (int)slot);
            }
        }

        var result = ImmutableArray.CreateBuilder<LegacyPrimitive>();
        foreach (var node in nodes.Where(n => JsonRead.String(n["type"]) == "PrimitiveNode" && JsonRead.Long(n["mode"]) is not (2 or 4)))
        {
            var targets = ImmutableArray.CreateBuilder<(string, string)>();
            var outLinks = ((node["outputs"] as JsonArray)?.FirstOrDefault() as JsonObject)?["links"] as JsonArray ?? [];
            foreach (var linkId in outLinks.Select(JsonRead.Id).OfType<string>())
            {
                if (links.TryGetValue(linkId, out var to) && byId.TryGetValue(to.Target, out var target)
                    && ((target["inputs"] as JsonArray)?.ElementAtOrDefault(to.Slot) as JsonObject)?["widget"]?["name"] is JsonValue w
                    && w.GetValueKind() == JsonValueKind.String && prompt[to.Target]?["inputs"]?[w.GetValue<string>()] is { } fed && !Workflows.ApiPrompt.IsLink(fed))
                {
                    targets.Add((to.Target, w.GetValue<string>()));
                }
            }

            if (targets.Count == 0 || JsonRead.Id(node["id"]) is not { } id)
            {
                continue;
            }

            var values = node["widgets_values"] as JsonArray;
            var control = values is { Count: > 1 } && JsonRead.String(values[1]) is { } mode && ModeNames.Contains(mode) ? mode : null;
            result.Add(new LegacyPrimitive(id, JsonRead.String(node["title"]), values is { Count: > 0 } ? values[0]?.DeepClone() : null, control, targets.ToImmutable()));
        }

        return result.ToImmutable();
    }
}
