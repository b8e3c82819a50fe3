using Loki.Core.Composition;
using Loki.Core.Regeneration.Generators;

namespace Loki.Core.Library;

/// <summary>
/// The order a library build grows its nodes in: waves, each built in parallel, every node after the nodes of the
/// same build its flow uses or its composite script calls, so their configs exist and are current when it is
/// converted (a flow is converted once, against the configs this build wrote, not against those of the last one).
/// Nodes caught in a cycle are built in the last wave.
/// </summary>
public static class NodeBuildOrder
{
    /// <summary>Indexes into <paramref name="nodeDirectories"/>, wave by wave.</summary>
    public static IReadOnlyList<int[]> Waves(IReadOnlyList<string> nodeDirectories)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < nodeDirectories.Count; i++)
        {
            index.TryAdd(Key(nodeDirectories[i]), i);
        }

        var remaining = new Dictionary<int, HashSet<int>>();
        for (var i = 0; i < nodeDirectories.Count; i++)
        {
            var dependencies = FlowDependencies.ConfigFiles(nodeDirectories[i]).Concat(CompositeDependencies.ConfigFiles(nodeDirectories[i]))
                .Select(config => index.GetValueOrDefault(Key(Path.GetDirectoryName(config)!), -1))
                .Where(d => d >= 0 && d != i);
            remaining[i] = [.. dependencies];
        }

        var waves = new List<int[]>();
        while (remaining.Count > 0)
        {
            var ready = remaining.Where(r => r.Value.All(d => !remaining.ContainsKey(d))).Select(r => r.Key).Order().ToArray();
            if (ready.Length == 0)
            {
                waves.Add([.. remaining.Keys.Order()]);
                break;
            }

            waves.Add(ready);
            foreach (var i in ready)
            {
                remaining.Remove(i);
            }
        }

        return waves;
    }

    private static string Key(string directory) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
}
