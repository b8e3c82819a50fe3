using System.Text.Json.Nodes;

namespace Loki.Core.Workflows;

/// <summary>One link of an API prompt: input <see cref="Input"/> of node <see cref="NodeId"/> reads node <see cref="SourceId"/>.</summary>
/// <param name="NodeId">The node whose input holds the link.</param>
/// <param name="Input">The input's name.</param>
/// <param name="SourceId">The node the link reads.</param>
public sealed record PromptEdge(string NodeId, string Input, string SourceId);

/// <summary>Finds a dependency cycle among the links of an API prompt (ComfyUI refuses to run one).</summary>
public static class PromptCycleFinder
{
    /// <summary>
    /// The links of one cycle, each reading the next one's node, in prompt order of first discovery; null when the
    /// prompt is acyclic. Links to nodes the prompt lacks are ignored (they are reported on their own).
    /// </summary>
    public static IReadOnlyList<PromptEdge>? Find(JsonObject prompt)
    {
        // Nearly every prompt is acyclic: prove that first with indexes only, and name the cycle the slow way.
        if (!HasCycle(prompt))
        {
            return null;
        }

        // 1 = on the current path, 2 = done.
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (root, _) in prompt)
        {
            if (state.ContainsKey(root))
            {
                continue;
            }

            var path = new List<PromptEdge>();
            var stack = new Stack<(string Id, IEnumerator<PromptEdge> Next)>();
            state[root] = 1;
            stack.Push((root, Edges(prompt, root).GetEnumerator()));
            while (stack.Count > 0)
            {
                var (current, next) = stack.Peek();
                if (!next.MoveNext())
                {
                    state[current] = 2;
                    stack.Pop();
                    if (path.Count > 0)
                    {
                        path.RemoveAt(path.Count - 1);
                    }

                    continue;
                }

                var edge = next.Current;
                if (!state.TryGetValue(edge.SourceId, out var s))
                {
                    state[edge.SourceId] = 1;
                    path.Add(edge);
                    stack.Push((edge.SourceId, Edges(prompt, edge.SourceId).GetEnumerator()));
                }
                else if (s == 1)
                {
                    var start = path.FindIndex(e => e.NodeId == edge.SourceId);
                    return [.. path.Skip(start < 0 ? path.Count : start), edge];
                }
            }
        }

        return null;
    }

    /// <summary>True when the links of <paramref name="prompt"/> form a cycle (Kahn's algorithm on node indexes).</summary>
    private static bool HasCycle(JsonObject prompt)
    {
        var index = new Dictionary<string, int>(prompt.Count, StringComparer.Ordinal);
        foreach (var (id, _) in prompt)
        {
            index[id] = index.Count;
        }

        // Each link as (reader, source); a node is ready once every source it reads is done.
        var edges = new List<(int Reader, int Source)>();
        var waiting = new int[index.Count];
        foreach (var (id, entry) in prompt)
        {
            if ((entry as JsonObject)?["inputs"] is not JsonObject inputs)
            {
                continue;
            }

            var reader = index[id];
            foreach (var (_, value) in inputs)
            {
                if (ApiPrompt.IsLink(value) && JsonRead.Id(value![0]) is { } source && index.TryGetValue(source, out var s))
                {
                    edges.Add((reader, s));
                    waiting[reader]++;
                }
            }
        }

        var readers = edges.ToLookup(e => e.Source, e => e.Reader);
        var ready = new Stack<int>(Enumerable.Range(0, waiting.Length).Where(i => waiting[i] == 0));
        var done = 0;
        while (ready.Count > 0)
        {
            done++;
            foreach (var reader in readers[ready.Pop()])
            {
                if (--waiting[reader] == 0)
                {
                    ready.Push(reader);
                }
            }
        }

        return done < waiting.Length;
    }

    private static IEnumerable<PromptEdge> Edges(JsonObject prompt, string id)
    {
        if ((prompt[id] as JsonObject)?["inputs"] is not JsonObject inputs)
        {
            yield break;
        }

        foreach (var (name, value) in inputs)
        {
            if (ApiPrompt.IsLink(value) && JsonRead.Id(value![0]) is { } source && prompt.ContainsKey(source))
            {
                yield return new PromptEdge(id, name, source);
            }
        }
    }
}
