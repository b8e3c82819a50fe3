using System.Globalization;
using System.Text;

namespace Loki.Core.Splitting;

/// <summary>
/// The report of splitting many workflows (<c>loki split --report DIR</c>, docs/split-report.md): the share that
/// splits, the check's result, sub-flow sizes, and the sub-flows that recur most across workflows (same structure
/// key: same classes and internal links, widget values aside).
/// </summary>
public static class SplitBatchReport
{
    private static readonly (int Low, int High)[] SizeBuckets = [(2, 2), (3, 5), (6, 10), (11, 20), (21, int.MaxValue)];

    /// <summary>The sub-flows found in at least two workflows, most frequent first.</summary>
    public static IReadOnlyList<RecurringSubflow> MostRecurring(IEnumerable<SplitOutcome> outcomes, int top)
    {
        var all = outcomes.Where(o => o.HasSubflows).SelectMany(o => o.Split!.Subflows.Select(s => (o.Name, Flow: s, Uses: o.Split.Instances.Values.Count(i => i.Definition == s.Index)))).ToList();
        return all.GroupBy(x => x.Flow.Key, StringComparer.Ordinal)
            .Select(g => new RecurringSubflow(
                g.GroupBy(x => x.Flow.Name, StringComparer.Ordinal).OrderByDescending(n => n.Count()).ThenBy(n => n.Key, StringComparer.Ordinal).First().Key,
                g.Select(x => x.Name).Distinct().Count(),
                g.Sum(x => x.Uses),
                g.First().Flow.OriginalNodes,
                Border(g.First().Flow),
                string.Join(", ", g.First().Flow.Body.Select(p => p.Value!["class_type"]!.GetValue<string>()).GroupBy(c => c, StringComparer.Ordinal).OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Count() > 1 ? $"{c.Key}×{c.Count()}" : c.Key))))
            .Where(r => r.Workflows >= 2)
            .OrderByDescending(r => r.Workflows).ThenByDescending(r => r.Uses).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Take(top)
            .ToList();
    }

    /// <summary>What crosses a sub-flow's border: <c>CLIP → CONDITIONING, CONDITIONING</c>.</summary>
    public static string Border(Subflow flow) =>
        string.Join(", ", flow.Inputs.Where(p => !p.IsParameter).Select(p => p.Type)) + " → " + string.Join(", ", flow.Outputs.Select(p => p.Type));

    /// <summary>Renders the report as markdown (deterministic: same outcomes, same bytes).</summary>
    public static string Render(string title, IReadOnlyList<SplitOutcome> outcomes, string intro, int top = 20)
    {
        var sb = new StringBuilder();
        var convertible = outcomes.Where(o => o.Split is not null).ToList();
        var converted = outcomes.Where(o => o.Converted).ToList();
        var cut = converted.Where(o => o.HasSubflows).ToList();
        var split = cut.Where(o => o.Check is null).ToList();
        var refusedByCheck = cut.Count - split.Count;
        var flows = split.SelectMany(o => o.Split!.Subflows).ToList();
        sb.Append("# ").Append(title).Append("\n\n").Append(intro).Append("\n\n");
        sb.Append("| | count |\n|---|---|\n");
        Row(sb, "workflows read", outcomes.Count);
        Row(sb, "convert to an API prompt today", convertible.Count);
        Row(sb, "split without error (the rest: see the codes below)", converted.Count, convertible.Count);
        Row(sb, "split into at least one sub-flow, equivalence check passed (share of those that convert)", split.Count, convertible.Count);
        Row(sb, "cut, but refused by the check (LOKI6004; first differences below)", refusedByCheck, convertible.Count);
        Row(sb, "too small or flat to cut (no region of 2+ nodes feeds the rest)", converted.Count - cut.Count, convertible.Count);
        Row(sb, "sub-flow definitions", flows.Count);
        Row(sb, "sub-flow uses (instances)", split.Sum(o => o.Split!.Instances.Count));
        Row(sb, "definitions used more than once in their workflow", split.Sum(o => o.Split!.Subflows.Count(s => o.Split.Instances.Values.Count(i => i.Definition == s.Index) > 1)));
        Row(sb, "definitions with parameters (widget values differing between uses)", flows.Count(f => f.Inputs.Any(p => p.IsParameter)));
        Row(sb, "nested definitions (a flow inside a flow)", flows.Count(f => f.Body.Any(p => p.Value!["class_type"]!.GetValue<string>() is var c && split.Any(o => o.Split!.Subflows.Any(s => s.ClassType == c)))));

        sb.Append("\n## Sub-flow sizes (original nodes inside, nested flows included)\n\n| nodes | definitions |\n|---|---|\n");
        foreach (var (low, high) in SizeBuckets)
        {
            var label = high == int.MaxValue ? $"{low}+" : low == high ? $"{low}" : $"{low}-{high}";
            sb.Append("| ").Append(label).Append(" | ").Append(flows.Count(f => f.OriginalNodes >= low && f.OriginalNodes <= high).ToString(CultureInfo.InvariantCulture)).Append(" |\n");
        }

        if (split.Count > 0)
        {
            var ratio = split.Average(o => (double)o.Split!.Parent.Count / Math.Max(1, o.Split.Original.Count));
            sb.Append("\nOn average the parent flow keeps ").Append(ratio.ToString("P0", CultureInfo.InvariantCulture)).Append(" as many top-level nodes as the original prompt has nodes.\n");
        }

        sb.Append("\n## Most recurring sub-flows across workflows\n\n| sub-flow | workflows | uses | nodes | in → out | classes |\n|---|---|---|---|---|---|\n");
        foreach (var r in MostRecurring(outcomes, top))
        {
            sb.Append("| `").Append(r.Name).Append("` | ").Append(r.Workflows.ToString(CultureInfo.InvariantCulture)).Append(" | ").Append(r.Uses.ToString(CultureInfo.InvariantCulture))
                .Append(" | ").Append(r.Nodes.ToString(CultureInfo.InvariantCulture)).Append(" | ").Append(r.Border).Append(" | ").Append(r.Classes.Replace("|", "\\|", StringComparison.Ordinal)).Append(" |\n");
        }

        var failed = cut.Where(o => o.Check is not null).ToList();
        if (failed.Count > 0)
        {
            sb.Append("\n## Refused by the check\n\n");
            foreach (var o in failed)
            {
                sb.Append("- `").Append(o.Name).Append("`: ").Append(o.Check).Append('\n');
            }
        }

        var refused = outcomes.Where(o => o.Split is { Succeeded: false }).GroupBy(o => o.Split!.Diagnostics.First(d => d.IsError).Code).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (refused.Count > 0)
        {
            sb.Append("\n## Not split (by first error code)\n\n| code | workflows |\n|---|---|\n");
            foreach (var g in refused)
            {
                sb.Append("| ").Append(g.Key).Append(" | ").Append(g.Count().ToString(CultureInfo.InvariantCulture)).Append(" |\n");
            }
        }

        return sb.ToString();
    }

    private static void Row(StringBuilder sb, string label, int count, int? of = null)
    {
        sb.Append("| ").Append(label).Append(" | ").Append(count.ToString(CultureInfo.InvariantCulture));
        if (of is > 0)
        {
            sb.Append(" / ").Append(of.Value.ToString(CultureInfo.InvariantCulture)).Append(" (").Append(((double)count / of.Value).ToString("P1", CultureInfo.InvariantCulture)).Append(')');
        }

        sb.Append(" |\n");
    }
}
