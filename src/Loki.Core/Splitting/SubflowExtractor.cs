using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Loki.Core.Flows;

namespace Loki.Core.Splitting;

/// <summary>
/// Cuts a set of nodes out of the work graph as a sub-flow draft. Inner nodes are renumbered in a canonical order
/// that depends on the graph's structure alone (classes, input names, links), so two regions that are the same
/// graph get the same ids and the same key whatever their ids were in the workflow.
/// </summary>
internal static class SubflowExtractor
{
    private const int LabelRounds = 3;

    public static SubflowDraft Extract(WorkGraph graph, IReadOnlyCollection<string> members)
    {
        var inside = members.ToHashSet(StringComparer.Ordinal);
        var order = CanonicalOrder(graph, inside);
        var canon = order.Select((id, i) => (id, c: (i + 1).ToString(CultureInfo.InvariantCulture))).ToDictionary(x => x.id, x => x.c, StringComparer.Ordinal);

        // Sources from outside, in the order the canonical nodes (and their inputs, by name) first use them.
        var sources = new List<(string NodeId, int Slot)>();
        var firstUse = new List<string>();
        foreach (var id in order)
        {
            foreach (var (name, value) in graph.InputsOf(id).OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (FlowGraphReader.AsLink(value) is { } link && !inside.Contains(link.NodeId) && !sources.Contains((link.NodeId, link.Slot)))
                {
                    sources.Add((link.NodeId, link.Slot));
                    firstUse.Add(name);
                }
            }
        }

        var body = new JsonObject();
        var key = new StringBuilder();
        foreach (var id in order)
        {
            var inputs = new JsonObject();
            foreach (var (name, value) in graph.InputsOf(id))
            {
                inputs[name] = FlowGraphReader.AsLink(value) is { } link
                    ? inside.Contains(link.NodeId)
                        ? new JsonArray(canon[link.NodeId], link.Slot)
                        : new JsonArray(SubflowMarkers.InputId(order.Count, sources.IndexOf((link.NodeId, link.Slot))), 0)
                    : value?.DeepClone();
            }

            // The key reads inputs by name: the order a prompt lists them in varies between frontend versions.
            key.Append(graph.ClassOf(id)).Append('(');
            foreach (var (name, value) in inputs.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                key.Append(name).Append('=').Append(FlowGraphReader.AsLink(value) is { } l ? $"{l.NodeId}.{l.Slot}" : "c").Append(';');
            }

            key.Append(')');
            var entry = new JsonObject { ["inputs"] = inputs, ["class_type"] = graph.ClassOf(id) };
            if (graph.Prompt[id]?["_meta"] is JsonObject meta)
            {
                entry["_meta"] = meta.DeepClone();
            }

            body[canon[id]] = entry;
        }

        var exits = new List<(string NodeId, int Slot)>();
        var exitNames = new Dictionary<(string, int), List<string>>();
        foreach (var (from, slot, to, input) in graph.Links().Where(l => inside.Contains(l.From) && !inside.Contains(l.To)))
        {
            if (!exitNames.TryGetValue((from, slot), out var names))
            {
                exits.Add((from, slot));
                exitNames[(from, slot)] = names = [];
            }

            names.Add(input);
        }

        exits.Sort((a, b) => int.Parse(canon[a.NodeId], CultureInfo.InvariantCulture).CompareTo(int.Parse(canon[b.NodeId], CultureInfo.InvariantCulture)) is var c and not 0 ? c : a.Slot.CompareTo(b.Slot));

        var inNames = new UniqueNames();
        var sockets = sources.Select((s, k) => new SubflowPort(inNames.Take(PortName(firstUse[k], graph.OutputType(s.NodeId, s.Slot))), graph.OutputType(s.NodeId, s.Slot), canon[FirstConsumer(graph, order, s)], -1)).ToImmutableArray();
        var outNames = new UniqueNames();
        var outputs = exits.Select(e => new SubflowPort(outNames.Take(PortName(exitNames[e].Distinct().Count() == 1 ? exitNames[e][0] : null, graph.OutputType(e.NodeId, e.Slot))), graph.OutputType(e.NodeId, e.Slot), canon[e.NodeId], e.Slot)).ToImmutableArray();

        key.Append("|in:").AppendJoin(',', sockets.Select(s => s.Type)).Append("|out:").AppendJoin(',', outputs.Select(o => $"{o.Node}.{o.Slot}"));
        return new SubflowDraft(key.ToString(), body, sockets, outputs, canon.ToImmutableDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal), [.. sources], [.. exits]);
    }

    /// <summary>A port name from the input it feeds (<c>positive</c>, <c>clip</c>) or, failing that, its type (<c>latent</c>).</summary>
    private static string PortName(string? input, string type)
    {
        var name = PythonNames.Snake(input is { Length: > 0 } ? input : type == "*" ? "value" : type);
        return PythonNames.IsIdentifier(name) ? name : "value_" + name;
    }

    private static string FirstConsumer(WorkGraph graph, List<string> order, (string NodeId, int Slot) source) =>
        order.First(id => graph.InputsOf(id).Any(i => FlowGraphReader.AsLink(i.Value) is { } l && l.NodeId == source.NodeId && l.Slot == source.Slot));

    /// <summary>A topological order of the region; ties go to the node whose structural label sorts first.</summary>
    private static List<string> CanonicalOrder(WorkGraph graph, HashSet<string> inside)
    {
        var labels = Labels(graph, inside);
        var preds = inside.ToDictionary(id => id, id => graph.InputsOf(id).Select(i => FlowGraphReader.AsLink(i.Value)).Where(l => l is not null && inside.Contains(l.NodeId)).Select(l => l!.NodeId).Distinct().ToList(), StringComparer.Ordinal);
        var remaining = preds.ToDictionary(p => p.Key, p => p.Value.Count, StringComparer.Ordinal);
        var ready = new SortedSet<(string Label, string Id)>(remaining.Where(p => p.Value == 0).Select(p => (labels[p.Key], p.Key)));
        var order = new List<string>();
        while (ready.Count > 0)
        {
            var next = ready.Min;
            ready.Remove(next);
            order.Add(next.Id);
            foreach (var (id, ps) in preds)
            {
                if (ps.Contains(next.Id) && --remaining[id] == 0)
                {
                    ready.Add((labels[id], id));
                }
            }
        }

        if (order.Count != inside.Count)
        {
            throw new InvalidOperationException("a region to fold has a cycle; the splitter checks the prompt for cycles first");
        }

        return order;
    }

    // Weisfeiler-Lehman style: a node's label folds in the labels of what feeds it and what it feeds.
    private static Dictionary<string, string> Labels(WorkGraph graph, HashSet<string> inside)
    {
        var labels = inside.ToDictionary(id => id, id => graph.ClassOf(id) + "(" + string.Join(',', graph.InputsOf(id).Select(i => i.Key + (FlowGraphReader.AsLink(i.Value) is { } l ? inside.Contains(l.NodeId) ? ":l" : ":x" : ":c")).Order(StringComparer.Ordinal)) + ")", StringComparer.Ordinal);
        var links = graph.Links().Where(l => inside.Contains(l.From) && inside.Contains(l.To)).ToList();
        for (var round = 0; round < LabelRounds; round++)
        {
            labels = labels.ToDictionary(
                p => p.Key,
                p => Hash(p.Value + "<" + string.Join(',', links.Where(l => l.To == p.Key).Select(l => l.Input + "=" + labels[l.From] + "." + l.Slot).Order(StringComparer.Ordinal))
                    + ">" + string.Join(',', links.Where(l => l.From == p.Key).Select(l => l.Slot + "->" + l.Input + "@" + labels[l.To]).Order(StringComparer.Ordinal))),
                StringComparer.Ordinal);
        }

        return labels;
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
