using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Workflows;

namespace Loki.Core.Conversion.UiToApi;

/// <summary>Reports a cycle among the links of a converted prompt at the UI node that closes it (ComfyUI refuses to run one).</summary>
internal static class PromptCycles
{
    public static void Check(JsonObject prompt, UiWorkflow workflow, Dictionary<string, FlatNode> nodes, DiagnosticBag diagnostics)
    {
        if (PromptCycleFinder.Find(prompt) is not { } cycle)
        {
            return;
        }

        var last = cycle[^1];
        var at = nodes.TryGetValue(last.SourceId, out var flat) ? flat.Node.JsonPath : "$.nodes";
        diagnostics.Error(LokiCodes.ConvertCycle, $"the links form a cycle through node {last.SourceId} and node {last.NodeId}; ComfyUI cannot run it", workflow.File, at);
    }
}
