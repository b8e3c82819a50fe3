using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Flows;

namespace Loki.Core.Splitting;

/// <summary>
/// Folds regions into flow nodes, innermost first. A region is folded only when the cut cannot change what runs:
/// it holds at least <see cref="SplitOptions.MinNodes"/> original nodes, something outside uses its result, no path
/// leaves it and comes back (folding would make a cycle), and no lazy input sits on its border (a flow node's inputs
/// are all evaluated). Output nodes are never folded: they stay at the top, where ComfyUI runs them for their own sake.
/// A region that is the same graph as an earlier one reuses its definition.
/// </summary>
internal sealed class RegionFolder(WorkGraph graph, SplitOptions options, string file, DiagnosticBag diagnostics)
{
    private readonly Dictionary<string, InstanceState> _instances = new(StringComparer.Ordinal);

    public List<DefinitionState> Definitions { get; } = [];

    public IReadOnlyDictionary<string, InstanceState> Instances => _instances;

    /// <summary>Folds the regions below <paramref name="region"/>; returns the ids that now stand for it.</summary>
    public List<string> Fold(SplitRegion region)
    {
        var reps = region.Children.SelectMany(Fold).Concat(region.Nodes).ToList();
        if (region.Kind == RegionKind.Root)
        {
            return reps;
        }

        var kept = reps.Where(graph.IsOutputNode).ToList();
        var members = reps.Where(id => !graph.IsOutputNode(id)).ToList();
        if (Refusal(members) is { } why)
        {
            if (why.Length > 0 && region.Kind != RegionKind.Stage)
            {
                diagnostics.Warning(LokiCodes.SplitRegionKept, $"{region.Kind.ToString().ToLowerInvariant()} '{region.Title}' stays inline: {why}", file);
            }

            return reps;
        }

        var draft = SubflowExtractor.Extract(graph, members);
        var definition = Definitions.FirstOrDefault(d => d.Key == draft.Key && Mergeable(d.Instances[0].Body, draft.Body));
        if (definition is null)
        {
            definition = new DefinitionState(Definitions.Count, draft.Key, region.Title, region.Kind, draft.Sockets, draft.Outputs, members.Sum(Count));
            Definitions.Add(definition);
        }

        var inputs = new JsonObject();
        for (var k = 0; k < draft.Sources.Length; k++)
        {
            inputs[definition.Sockets[k].Name] = new JsonArray(draft.Sources[k].NodeId, draft.Sources[k].Slot);
        }

        foreach (var (canonical, member) in draft.Members.Where(m => _instances.ContainsKey(m.Value)))
        {
            _instances[member].Location = (JsonObject)draft.Body[canonical]!["inputs"]!;
        }

        var id = graph.Fold(members, Subflow.Placeholder(definition.Index), definition.Title, inputs, draft.Exits);
        var instance = new InstanceState(id, draft.Body, draft.Members) { Location = graph.InputsOf(id) };
        definition.Instances.Add(instance);
        _instances[id] = instance;
        return [id, .. kept];
    }

    /// <summary>The original nodes an id stands for.</summary>
    public int Count(string id) => _instances.TryGetValue(id, out var i) ? Definitions.First(d => d.Instances.Contains(i)).OriginalNodes : 1;

    /// <summary>Why the members cannot be folded ("" when they are merely too few), or null when they can.</summary>
    private string? Refusal(List<string> members)
    {
        if (members.Count < 2 || members.Sum(Count) < options.MinNodes)
        {
            return "";
        }

        var inside = members.ToHashSet(StringComparer.Ordinal);
        var links = graph.Links().ToList();
        if (!links.Any(l => inside.Contains(l.From) && !inside.Contains(l.To)))
        {
            return "";
        }

        if (links.FirstOrDefault(l => inside.Contains(l.From) != inside.Contains(l.To) && graph.IsLazy(l.To, l.Input)) is { To: not null } lazy)
        {
            return $"the lazy input '{lazy.Input}' of node {lazy.To} would be cut";
        }

        // Convex: nothing reachable from the region's outside consumers leads back into it.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(links.Where(l => inside.Contains(l.From) && !inside.Contains(l.To)).Select(l => l.To));
        var next = links.ToLookup(l => l.From, l => l.To, StringComparer.Ordinal);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (!seen.Add(id))
            {
                continue;
            }

            foreach (var to in next[id])
            {
                if (inside.Contains(to))
                {
                    return $"a path leaves it at node {id} and comes back into node {to}";
                }

                stack.Push(to);
            }
        }

        return null;
    }

    /// <summary>Two bodies of one key may share a definition when every widget value they disagree on is a scalar.</summary>
    private static bool Mergeable(JsonObject first, JsonObject other)
    {
        foreach (var (id, entry) in first)
        {
            foreach (var (name, value) in (JsonObject)entry!["inputs"]!)
            {
                var theirs = other[id]?["inputs"]?[name];
                if (FlowGraphReader.AsLink(value) is null && !JsonNode.DeepEquals(value, theirs) && !(SubflowMarkers.IsScalar(value) && SubflowMarkers.IsScalar(theirs)))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
