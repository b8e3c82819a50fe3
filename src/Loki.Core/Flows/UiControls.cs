using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Loki.Core.Flows.Schemas;

namespace Loki.Core.Flows;

/// <summary>
/// Recovers each seed's <c>control_after_generate</c> mode from the UI workflow: the API form drops it, and it is
/// what makes a seed fixed or changing between runs.
/// </summary>
internal static class UiControls
{
    private static readonly HashSet<string> ModeNames = ["fixed", "increment", "decrement", "randomize"];

    /// <summary>The <c>widgets_values</c> of every node, keyed by the id its API node gets (<c>"5"</c>, <c>"7:3"</c> in subgraphs).</summary>
    public static Dictionary<string, JsonArray> WidgetValuesById(JsonObject ui)
    {
        var result = new Dictionary<string, JsonArray>(StringComparer.Ordinal);
        var definitions = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        CollectDefinitions(ui, definitions);
        Walk(ui["nodes"] as JsonArray, string.Empty, definitions, result, depth: 0);
        return result;
    }

    /// <summary>The control mode of each control-bearing input of <paramref name="node"/>.</summary>
    public static ImmutableDictionary<string, string> Modes(FlowNode node, FlowNodeSchema? schema, JsonArray widgetValues)
    {
        var controlled = schema is null
            ? node.Inputs.Where(i => i.Name is "seed" or "noise_seed").Select(i => i.Name).ToList()
            : schema.Inputs.Where(i => i.ControlAfterGenerate && i.Type == "INT").Select(i => i.Name).ToList();
        if (controlled.Count == 0)
        {
            return ImmutableDictionary<string, string>.Empty;
        }

        var modes = new List<string>();
        for (var i = 0; i < widgetValues.Count; i++)
        {
            if (widgetValues[i] is JsonValue v && v.GetValueKind() == JsonValueKind.String && ModeNames.Contains(v.GetValue<string>()))
            {
                modes.Add(v.GetValue<string>());
            }
            else if (widgetValues[i] is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False
                     && i > 0 && widgetValues[i - 1] is JsonValue prev && prev.GetValueKind() == JsonValueKind.Number)
            {
                // Early-2023 workflows stored "Random seed after every gen" as a boolean right after the seed.
                modes.Add(b.GetValueKind() == JsonValueKind.True ? "randomize" : "fixed");
            }
        }

        var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < controlled.Count && i < modes.Count; i++)
        {
            builder[controlled[i]] = modes[i];
        }

        return builder.ToImmutable();
    }

    private static void CollectDefinitions(JsonObject graph, Dictionary<string, JsonObject> into)
    {
        foreach (var def in (graph["definitions"]?["subgraphs"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (def["id"] is JsonValue id && id.GetValueKind() == JsonValueKind.String)
            {
                into.TryAdd(id.GetValue<string>(), def);
                CollectDefinitions(def, into);
            }
        }
    }

    private static void Walk(JsonArray? nodes, string prefix, Dictionary<string, JsonObject> definitions, Dictionary<string, JsonArray> into, int depth)
    {
        if (nodes is null || depth > 32)
        {
            return;
        }

        foreach (var node in nodes.OfType<JsonObject>())
        {
            var id = node["id"]?.ToString();
            if (id is null)
            {
                continue;
            }

            if (node["widgets_values"] is JsonArray values)
            {
                into[prefix + id] = values;
            }

            if (node["type"] is JsonValue t && t.GetValueKind() == JsonValueKind.String && definitions.TryGetValue(t.GetValue<string>(), out var def))
            {
                Walk(def["nodes"] as JsonArray, prefix + id + ":", definitions, into, depth + 1);
            }
        }
    }
}
