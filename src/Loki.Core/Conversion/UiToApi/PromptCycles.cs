using Loki.Core.Diagnostics;
using Loki.Core.Workflows;

namespace Loki.Core.Conversion.UiToApi;

/// <summary>Reports a cycle among the links of a converted prompt at the UI node that closes it (ComfyUI refuses to run one).</summary>
internal static class PromptCycles
{
    public static void Check(ConvertedPrompt prompt, UiWorkflow workflow, Dictionary<string, FlatNode> nodes, DiagnosticBag diagnostics)
    {
        // Proved acyclic on the typed entries; a cycle (rare) is named on the tree, as ApiPrompt's check names it.
        if (!prompt.HasCycle() || PromptCycleFinder.Find(prompt.ToJsonObject()) is not { } cycle)
        {
            return;
        }

        var last = cycle[^1];
        var at = nodes.TryGetValue(last.SourceId, out var flat) ? flat.Node.JsonPath : "$.nodes";
        diagnostics.Error(LokiCodes.ConvertCycle, $"the links form a cycle through node {last.SourceId} and node {last.NodeId}; ComfyUI cannot run it", workflow.File, at);
    }
}
