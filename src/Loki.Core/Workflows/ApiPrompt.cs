using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;

namespace Loki.Core.Workflows;

/// <summary>A read-only view of an API prompt (<c>{id: {class_type, inputs, _meta}}</c>) and its checks.</summary>
public static class ApiPrompt
{
    /// <summary>True when <paramref name="value"/> is a link: <c>["id", slot]</c> with a string id and a whole slot.</summary>
    public static bool IsLink(JsonNode? value) =>
        value is JsonArray { Count: 2 } a && JsonRead.String(a[0]) is not null && JsonRead.Long(a[1]) is not null
        && a[1] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number;

    /// <summary>True when <paramref name="root"/> looks like an API prompt: a non-empty object of objects with <c>class_type</c>.</summary>
    public static bool LooksLikePrompt(JsonObject root) =>
        root.Count > 0 && root.All(p => p.Value is JsonObject o && o.ContainsKey("class_type"));

    /// <summary>Checks every entry's shape and that every link points at a node of the prompt.</summary>
    public static void Check(JsonObject prompt, string file, DiagnosticBag diagnostics)
    {
        foreach (var (id, entry) in prompt)
        {
            var at = JsonPathText.Key("$", id);
            if (entry is not JsonObject node || JsonRead.String(node["class_type"]) is null)
            {
                diagnostics.Error(LokiCodes.PromptBadNode, $"prompt entry '{id}' needs a string 'class_type'", file, at);
                continue;
            }

            if (node["inputs"] is not JsonObject inputs)
            {
                if (node["inputs"] is not null)
                {
                    diagnostics.Error(LokiCodes.PromptBadNode, $"'inputs' of prompt entry '{id}' must be an object", file, at + ".inputs");
                }

                continue;
            }

            foreach (var (name, value) in inputs)
            {
                if (value is not JsonArray { Count: 2 } link || !IsLink(link))
                {
                    continue;
                }

                if (!prompt.ContainsKey(JsonRead.String(link[0])!))
                {
                    diagnostics.Error(LokiCodes.PromptLinkToMissingNode, $"input '{name}' of node '{id}' links to node '{JsonRead.String(link[0])}', which the prompt does not hold", file, JsonPathText.Key(at + ".inputs", name));
                }
                else if (JsonRead.Long(link[1]) is < 0)
                {
                    diagnostics.Error(LokiCodes.PromptLinkToMissingOutput, $"input '{name}' of node '{id}' links to output {link[1]!.ToJsonString()} of node '{JsonRead.String(link[0])}', which no node has", file, JsonPathText.Key(at + ".inputs", name));
                }
            }
        }

        if (PromptCycleFinder.Find(prompt) is { } cycle)
        {
            var first = cycle[0];
            var through = string.Join(", ", cycle.Select(e => $"'{e.NodeId}'"));
            diagnostics.Error(LokiCodes.PromptCycle, $"the prompt's links form a cycle through nodes {through} (input '{first.Input}' of node '{first.NodeId}' depends on itself); ComfyUI refuses to run it", file, JsonPathText.Key(JsonPathText.Key("$", first.NodeId) + ".inputs", first.Input));
        }
    }
}
