using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Workflows;

namespace Loki.Core.Conversion.UiToApi;

/// <summary>Finds a cycle among the links of a prompt (ComfyUI refuses to run one).</summary>
internal static class PromptCycles
{
    public static void Check(JsonObject prompt, UiWorkflow workflow, Dictionary<string, FlatNode> nodes, DiagnosticBag diagnostics)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (id, _) in prompt)
        {
            var stack = new Stack<(string Id, IEnumerator<string> Next)>();
            if (state.ContainsKey(id))
            {
                continue;
            }

            state[id] = 1;
            stack.Push((id, Sources(prompt, id).GetEnumerator()));
            while (stack.Count > 0)
            {
                var (current, next) = stack.Peek();
                if (!next.MoveNext())
                {
                    state[current] = 2;
                    stack.Pop();
                    continue;
                }

                var source = next.Current;
                if (!state.TryGetValue(source, out var s))
                {
                    state[source] = 1;
                    stack.Push((source, Sources(prompt, source).GetEnumerator()));
                }
                else if (s == 1)
                {
                    var at = nodes.TryGetValue(source, out var flat) ? flat.Node.JsonPath : "$.nodes";
                    diagnostics.Error(LokiCodes.ConvertCycle, $"the links form a cycle through node {source} and node {current}; ComfyUI cannot run it", workflow.File, at);
                    return;
                }
            }
        }
    }

    private static IEnumerable<string> Sources(JsonObject prompt, string id)
    {
        if ((prompt[id] as JsonObject)?["inputs"] is not JsonObject inputs)
        {
            yield break;
        }

        foreach (var (_, value) in inputs)
        {
            if (value is JsonArray { Count: 2 } link && JsonRead.Id(link[0]) is { } source && prompt.ContainsKey(source))
            {
                yield return source;
            }
        }
    }
}
