using System.Collections.Immutable;
using Loki.Core.Diagnostics;
using Loki.Core.Library;

namespace Loki.Core.Glamours;

/// <summary>
/// Grows the glamours of a whole library, inner nodes before the flows made of them, so a flow's composed icon
/// always shows its parts' current icons (and a nested flow the composition of its own parts). Flows that use each
/// other in a cycle are drawn last, with what is there (LOKI7107).
/// </summary>
public static class GlamourBuild
{
    /// <summary>Grows every node in <paramref name="nodeDirectories"/>; one result per node, in dependency order.</summary>
    public static ImmutableArray<GlamourResult> Run(IReadOnlyList<string> nodeDirectories, LibraryBuildMode mode)
    {
        var library = GlamourLibrary.Read(nodeDirectories);
        var (order, cyclic) = Order(library);
        var results = ImmutableArray.CreateBuilder<GlamourResult>();
        foreach (var node in order)
        {
            GlamourResult result;
            try
            {
                result = GlamourGrowth.Grow(library, node, mode);
            }
            catch (LokiException ex)
            {
                result = new GlamourResult(node, library.Nodes[node].Folder.Directory, [], [ex.Diagnostic]);
            }

            if (cyclic.Contains(node))
            {
                result = result with
                {
                    Diagnostics = result.Diagnostics.Add(new LokiDiagnostic(
                        LokiCodes.GlamourFlowCycle, DiagnosticSeverity.Warning, $"the flow of '{node}' uses flows that use it back; its glamour shows the icons there were", library.Nodes[node].Folder.PathOf(Nodes.NodeLayer.Flow))),
                };
            }

            results.Add(result);
        }

        return results.ToImmutable();
    }

    /// <summary>Nodes ordered so each comes after the library nodes its flow is made of; the nodes caught in cycles.</summary>
    internal static (IReadOnlyList<string> Order, IReadOnlySet<string> Cyclic) Order(GlamourLibrary library)
    {
        var deps = library.Nodes.Keys.ToDictionary(n => n, n => library.InnerNodes(n).Where(d => d != n).ToList(), StringComparer.Ordinal);
        var order = new List<string>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        var remaining = new SortedSet<string>(library.Nodes.Keys, StringComparer.Ordinal);
        while (remaining.Count > 0)
        {
            var ready = remaining.Where(n => deps[n].All(d => done.Contains(d) || !deps.ContainsKey(d))).ToList();
            if (ready.Count == 0)
            {
                // Only cycles are left: draw them in name order with what there is.
                var cyclic = remaining.ToHashSet(StringComparer.Ordinal);
                order.AddRange(remaining);
                return (order, cyclic);
            }

            foreach (var n in ready)
            {
                order.Add(n);
                done.Add(n);
                remaining.Remove(n);
            }
        }

        return (order, new HashSet<string>());
    }
}
