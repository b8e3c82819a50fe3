using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Workflows;

namespace Loki.Core.Splitting;

/// <summary>
/// Finds the author's structure of a workflow as nested regions of its prompt nodes: groups (a node belongs to the
/// smallest group holding its centre, a group to the smallest group holding all of it, as litegraph decides),
/// subgraph instances and legacy group nodes (read from the <c>a:b:c</c> ids the flattener gives their inner nodes).
/// </summary>
internal static class RegionFinder
{
    private const double CutLow = 0.25;
    private const double CutHigh = 0.75;

    public static RegionBuilder Find(JsonObject prompt, UiWorkflow? ui, SplitStrategy strategy, string title, string file, DiagnosticBag diagnostics)
    {
        var root = new RegionBuilder(RegionKind.Root, title);
        var groups = ui is not null && strategy is SplitStrategy.Auto or SplitStrategy.Groups ? Groups(ui, prompt, strategy, file, diagnostics) : [];
        var useContainers = ui is not null && strategy is SplitStrategy.Auto or SplitStrategy.Subgraphs;
        var containers = new Dictionary<string, RegionBuilder>(StringComparer.Ordinal);
        foreach (var (id, _) in prompt)
        {
            var parts = id.Split(':');
            var top = parts[0];
            var home = groups.Where(g => g.Members.Contains(top)).Select(g => g.Region).FirstOrDefault() ?? root;
            if (useContainers)
            {
                for (var depth = 1; depth < parts.Length; depth++)
                {
                    var prefix = string.Join(':', parts[..depth]);
                    if (!containers.TryGetValue(prefix, out var container))
                    {
                        container = Container(ui!, parts[..depth]);
                        containers[prefix] = container;
                        home.Children.Add(container);
                    }

                    home = container;
                }
            }

            home.Nodes.Add(id);
        }

        foreach (var g in groups.Where(g => g.Parent is null))
        {
            root.Children.Add(g.Region);
        }

        return root;
    }

    private sealed record GroupInfo(RegionBuilder Region, Box Box, HashSet<string> Members)
    {
        public GroupInfo? Parent { get; set; }
    }

    private static List<GroupInfo> Groups(UiWorkflow ui, JsonObject prompt, SplitStrategy strategy, string file, DiagnosticBag diagnostics)
    {
        var raw = ui.Root.Raw["groups"] as JsonArray ?? [];
        var groups = new List<GroupInfo>();
        var tops = prompt.Select(p => p.Key.Split(':')[0]).ToHashSet(StringComparer.Ordinal);
        var nodes = ui.Root.Nodes.Where(n => tops.Contains(n.Id)).Select(n => (n.Id, Box: Box.OfNode(n.Raw))).Where(n => n.Box is not null).Select(n => (n.Id, Box: n.Box!.Value)).ToList();
        for (var i = 0; i < raw.Count; i++)
        {
            if (raw[i] is not JsonObject g || Box.OfGroup(g) is not { } box)
            {
                continue;
            }

            var title = JsonRead.String(g["title"]) is { Length: > 0 } t ? t : "group";
            var cut = nodes.FirstOrDefault(n => box.Covered(n.Box) is > CutLow and < CutHigh);
            if (cut.Id is not null)
            {
                var message = $"group '{title}' cuts through node {cut.Id} ({box.Covered(cut.Box):P0} of it inside)";
                if (strategy == SplitStrategy.Groups)
                {
                    diagnostics.Error(LokiCodes.SplitGroupCutsNode, message, file, JsonPathText.Index("$.groups", i));
                }
                else
                {
                    diagnostics.Warning(LokiCodes.SplitGroupCutsNode, message + "; the group is not used", file, JsonPathText.Index("$.groups", i));
                }

                continue;
            }

            groups.Add(new GroupInfo(new RegionBuilder(RegionKind.Group, title), box, []));
        }

        // Smallest first: a node or a group goes to the smallest group that holds it.
        var bySize = groups.Select((g, i) => (g, i)).OrderBy(x => x.g.Box.Area).ThenBy(x => x.i).Select(x => x.g).ToList();
        for (var i = 0; i < bySize.Count; i++)
        {
            bySize[i].Parent = bySize.Skip(i + 1).FirstOrDefault(p => p.Box.ContainsBox(bySize[i].Box));
            bySize[i].Parent?.Region.Children.Add(bySize[i].Region);
        }

        foreach (var (id, box) in nodes)
        {
            bySize.FirstOrDefault(g => g.Box.ContainsCentreOf(box))?.Members.Add(id);
        }

        return bySize;
    }

    private static RegionBuilder Container(UiWorkflow ui, string[] path)
    {
        UiGraph? graph = ui.Root;
        UiNode? node = null;
        foreach (var id in path)
        {
            node = graph?.Node(id);
            graph = node is not null && ui.Subgraphs.TryGetValue(node.Type, out var def) ? def : null;
        }

        if (node is null)
        {
            return new RegionBuilder(RegionKind.Subgraph, "subgraph");
        }

        if (ui.Subgraphs.TryGetValue(node.Type, out var definition))
        {
            return new RegionBuilder(RegionKind.Subgraph, node.Title is { Length: > 0 } t ? t : definition.Name ?? "subgraph");
        }

        var type = node.Type.StartsWith("workflow>", StringComparison.Ordinal) || node.Type.StartsWith("workflow/", StringComparison.Ordinal) ? node.Type[9..] : node.Type;
        return new RegionBuilder(RegionKind.GroupNode, node.Title is { Length: > 0 } title ? title : type);
    }
}
