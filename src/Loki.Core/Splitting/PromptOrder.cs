using System.Text.Json.Nodes;
using Loki.Core.Flows;

namespace Loki.Core.Splitting;

/// <summary>Finds a cycle in an API prompt's links (Kahn's algorithm; what is left over holds one).</summary>
internal static class PromptOrder
{
    /// <summary>The ids of one cycle, in link order, or null when the prompt is acyclic.</summary>
    public static List<string>? Cycle(JsonObject prompt)
    {
        var sources = prompt.ToDictionary(
            p => p.Key,
            p => ((p.Value?["inputs"] as JsonObject) ?? []).Select(i => FlowGraphReader.AsLink(i.Value)?.NodeId).Where(s => s is not null && prompt.ContainsKey(s)).Select(s => s!).Distinct().ToList(),
            StringComparer.Ordinal);
        var pending = sources.ToDictionary(p => p.Key, p => p.Value.Count, StringComparer.Ordinal);
        var ready = new Queue<string>(pending.Where(p => p.Value == 0).Select(p => p.Key));
        var consumers = sources.SelectMany(p => p.Value.Select(s => (s, p.Key))).ToLookup(x => x.s, x => x.Key, StringComparer.Ordinal);
        while (ready.Count > 0)
        {
            foreach (var c in consumers[ready.Dequeue()])
            {
                if (--pending[c] == 0)
                {
                    ready.Enqueue(c);
                }
            }
        }

        var left = pending.Where(p => p.Value > 0).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        if (left.Count == 0)
        {
            return null;
        }

        // Walk back through sources that are left over until a node repeats: that stretch is a cycle.
        var path = new List<string> { left.Order(StringComparer.Ordinal).First() };
        while (true)
        {
            var next = sources[path[^1]].First(left.Contains);
            var at = path.IndexOf(next);
            if (at >= 0)
            {
                var cycle = path[at..];
                cycle.Reverse();
                return cycle;
            }

            path.Add(next);
        }
    }
}
