using System.Globalization;
using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Schemas;
using Loki.Core.Workflows;
using Loki.Core.Workflows.Layout;

namespace Loki.Core.Conversion.ApiToUi;

/// <summary>
/// Turns an API prompt into a UI workflow (schema 0.4) that the ComfyUI frontend opens: one node per prompt entry
/// (same ids, as the frontend's <c>loadApiJson</c> keeps them), sockets and <c>widgets_values</c> as the frontend
/// builds them from the node definitions, links between the right slots, laid out by <see cref="WorkflowLayout"/>. Converting
/// the result back to API gives the prompt again.
/// </summary>
public static class ApiToUiConverter
{
    /// <summary>Converts <paramref name="prompt"/>; <paramref name="file"/> names it in diagnostics.</summary>
    public static ApiToUiResult Convert(JsonObject prompt, SchemaSet schemas, string file)
    {
        var diagnostics = new DiagnosticBag();
        if (prompt.Count == 0)
        {
            diagnostics.Error(LokiCodes.PromptBadNode, "the prompt holds no node", file, "$");
        }

        ApiPrompt.Check(prompt, file, diagnostics);
        CheckSlots(prompt, file, diagnostics);
        if (diagnostics.HasErrors)
        {
            return new ApiToUiResult(null, diagnostics.Items);
        }

        var planner = new NodePlanner(schemas, file, diagnostics);
        var plans = prompt.Select((p, i) => planner.Plan(p.Key, i, (JsonObject)p.Value!)).ToList();
        var byId = plans.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var links = LinkBuilder.Build(plans, byId, file, diagnostics);
        var linksIn = links.ToLookup(l => l.Target, StringComparer.Ordinal);
        var linksOut = links.ToLookup(l => l.Origin, StringComparer.Ordinal);
        var nodes = new JsonArray(plans.Select(p => (JsonNode)UiNodeJson.Build(p, linksIn, linksOut)).ToArray());
        var workflow = new JsonObject
        {
            ["last_node_id"] = plans.Select(p => NumericId(p.Id) ?? 0).DefaultIfEmpty(0).Max(),
            ["last_link_id"] = links.Count,
            ["nodes"] = nodes,
            ["links"] = new JsonArray(links.Select(l => (JsonNode)new JsonArray(
                l.Id, IdValue(l.Origin), l.OriginSlot, IdValue(l.Target), l.TargetSlot, l.Type)).ToArray()),
            ["groups"] = new JsonArray(),
            ["config"] = new JsonObject(),
            ["extra"] = new JsonObject { ["ds"] = new JsonObject { ["scale"] = 1, ["offset"] = new JsonArray(0, 0) } },
            ["version"] = 0.4,
        };
        var layout = WorkflowLayout.Apply(workflow, schemas);
        if (layout.Cycle.Count > 0)
        {
            var ids = string.Join(", ", layout.Cycle);
            diagnostics.Error(LokiCodes.ConvertCycle, $"the prompt's links form a cycle through nodes {ids}; ComfyUI cannot run it", file, JsonPathText.Key("$", layout.Cycle[0]));
            return new ApiToUiResult(null, diagnostics.Items);
        }

        var rank = layout.Order.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        foreach (var node in nodes.OfType<JsonObject>())
        {
            node["order"] = rank[JsonRead.Id(node["id"])!];
        }

        return new ApiToUiResult(workflow, diagnostics.Items);
    }

    /// <summary>The most outputs a node may have: a link to a slot past it is a broken prompt, not a node to draw.</summary>
    private const int MaxOutputSlot = 1024;

    private static void CheckSlots(JsonObject prompt, string file, DiagnosticBag diagnostics)
    {
        foreach (var (id, entry) in prompt)
        {
            foreach (var (name, value) in entry?["inputs"] as JsonObject ?? [])
            {
                if (ApiPrompt.IsLink(value) && JsonRead.Long(value![1]) is < 0 or > MaxOutputSlot)
                {
                    diagnostics.Error(LokiCodes.PromptBadNode, $"input '{name}' of node '{id}' links to output slot {value[1]!.ToJsonString()}, which no node has", file, JsonPathText.Key(JsonPathText.Key("$", id) + ".inputs", name));
                }
            }
        }
    }

    /// <summary>
    /// A prompt id as the UI writes it: a number when it is one (<c>"5"</c> → <c>5</c>), else the string itself
    /// (<c>"12:3"</c>), as the frontend's <c>loadApiJson</c> does (<c>isNaN(+id) ? id : +id</c>).
    /// </summary>
    internal static JsonNode IdValue(string id) => NumericId(id) is { } n ? JsonValue.Create(n) : JsonValue.Create(id);

    private static long? NumericId(string id) =>
        long.TryParse(id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n.ToString(CultureInfo.InvariantCulture) == id ? n : null;
}
