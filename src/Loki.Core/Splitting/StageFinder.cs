namespace Loki.Core.Splitting;

/// <summary>
/// Cuts the loose nodes of a region into typed stages by what they make: models (MODEL, CLIP, VAE and other
/// loaded objects) → CONDITIONING → LATENT → IMAGE/MASK. A node that only starts a chain (an empty latent, a loaded
/// image) joins the earliest stage that uses it; output nodes stay where they are.
/// </summary>
internal static class StageFinder
{
    private static readonly string[] Titles = ["load models", "conditioning", "sampling", "image", "finish"];
    private static readonly HashSet<string> DataTypes = ["CONDITIONING", "LATENT", "IMAGE", "MASK", "AUDIO", "INT", "FLOAT", "STRING", "BOOLEAN", "*", "COMBO"];

    /// <summary>Moves the stages of <paramref name="region"/>'s loose nodes into child regions; false when there is only one stage.</summary>
    public static bool Apply(RegionBuilder region, WorkGraph graph)
    {
        var loose = region.Nodes.Where(id => !graph.IsOutputNode(id)).ToList();
        var stage = loose.ToDictionary(id => id, id => Own(graph, id), StringComparer.Ordinal);
        var links = graph.Links().ToList();
        foreach (var id in loose.Where(id => !links.Any(l => l.To == id)))
        {
            var consumers = links.Where(l => l.From == id && stage.ContainsKey(l.To)).Select(l => stage[l.To]).ToList();
            if (stage[id] != 0 && consumers.Count > 0)
            {
                stage[id] = consumers.Min();
            }
        }

        foreach (var id in loose.Where(id => stage[id] < 0))
        {
            var producers = links.Where(l => l.To == id && stage.ContainsKey(l.From) && stage[l.From] >= 0).Select(l => stage[l.From]).ToList();
            stage[id] = producers.Count > 0 ? producers.Max() : Titles.Length - 1;
        }

        var used = stage.Values.Distinct().Order().ToList();
        if (used.Count < 2)
        {
            return false;
        }

        foreach (var s in used)
        {
            var child = new RegionBuilder(RegionKind.Stage, Titles[s]);
            child.Nodes.AddRange(loose.Where(id => stage[id] == s));
            region.Children.Add(child);
            region.Nodes.RemoveAll(child.Nodes.Contains);
        }

        return true;
    }

    /// <summary>The stage a node's own outputs put it in; -1 when they say nothing (no outputs, only values).</summary>
    private static int Own(WorkGraph graph, string id)
    {
        var types = Enumerable.Range(0, 16).Select(slot => graph.OutputType(id, slot)).TakeWhile(t => t != "*").ToList();
        if (types.Contains("IMAGE") || types.Contains("MASK"))
        {
            return 3;
        }

        if (types.Contains("LATENT"))
        {
            return 2;
        }

        if (types.Contains("CONDITIONING"))
        {
            return 1;
        }

        return types.Any(t => !DataTypes.Contains(t)) ? 0 : -1;
    }
}
