using System.Collections.Immutable;
using Loki.Core.Diagnostics;
using Loki.Core.Glamours;
using Loki.Core.Regeneration;

namespace Loki.Core.Library;

/// <summary>
/// Builds a library of node folders incrementally: each node's fingerprint is compared with the stamp of the last
/// successful build, and only changed nodes are regenerated. The operations layer behind the MSBuild tasks and CLI.
/// </summary>
public static class LibraryBuild
{
    /// <summary>The stamp file of the node in <paramref name="nodeDirectory"/> under <paramref name="stateDirectory"/>.</summary>
    public static string StampPath(string stateDirectory, string nodeDirectory)
    {
        var full = Path.GetFullPath(nodeDirectory).TrimEnd(Path.DirectorySeparatorChar);

        // Two libraries may hold nodes with the same name; the path hash keeps their stamps apart.
        return Path.Combine(stateDirectory, "nodes", $"{Path.GetFileName(full)}.{Sha256Hex.Of(full)[..8]}.json");
    }

    /// <summary>
    /// Builds every node in <paramref name="nodeDirectories"/>; stamps of nodes no longer in the list are removed. With
    /// <paramref name="glamours"/>, each node's default glamour is grown afterwards (<see cref="GlamourBuild"/>).
    /// </summary>
    public static ImmutableArray<NodeBuildResult> Run(
        IReadOnlyList<string> nodeDirectories,
        string stateDirectory,
        LibraryBuildMode mode,
        NodeRegenerator regenerator,
        bool glamours = true)
    {
        var results = new NodeBuildResult[nodeDirectories.Count];
        foreach (var wave in NodeBuildOrder.Waves(nodeDirectories))
        {
            Parallel.ForEach(wave, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
                results[i] = BuildNode(nodeDirectories[i], stateDirectory, mode, regenerator));
        }
        RemoveStaleStamps(stateDirectory, results);
        if (!glamours)
        {
            return [.. results];
        }

        // Glamours after every node's layers: a flow's glamour is composed from its inner nodes' glamours, across
        // folders, so this step sees the whole library (each glamour is redrawn only when what it shows changed).
        var grown = GlamourBuild.Run(nodeDirectories, mode).ToDictionary(g => Key(g.Directory), StringComparer.Ordinal);
        var final = results.Select(r => r with { Glamour = grown.GetValueOrDefault(Key(r.Directory)) }).ToArray();
        for (var i = 0; i < final.Length; i++)
        {
            // A glamour folder that appeared changes the node's fingerprint: record it, or the next build redoes the node.
            if (final[i].State is { } state && NodeFingerprint.Compute(final[i].Directory) is var now && now != state.Fingerprint && now.Length > 0)
            {
                var refreshed = state with { Fingerprint = now };
                refreshed.Write(final[i].StampFile);
                final[i] = final[i] with { State = refreshed };
            }
        }

        return [.. final];

        static string Key(string dir) => Path.GetFullPath(dir).TrimEnd(Path.DirectorySeparatorChar);
    }

    private static NodeBuildResult BuildNode(string directory, string stateDirectory, LibraryBuildMode mode, NodeRegenerator regenerator)
    {
        var full = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar);
        var stamp = StampPath(stateDirectory, full);
        var name = Path.GetFileName(full);
        var previous = NodeBuildState.Read(stamp);
        var fingerprint = NodeFingerprint.Compute(full);
        if (previous is not null && fingerprint.Length > 0 && previous.Fingerprint == fingerprint)
        {
            return new NodeBuildResult(name, full, stamp, null, previous);
        }

        var growth = regenerator.Regenerate(full, dryRun: mode == LibraryBuildMode.Verify);
        if (mode == LibraryBuildMode.Verify && !growth.Written.IsEmpty)
        {
            var stale = growth.Written.Select(w => new LokiDiagnostic(
                LokiCodes.GeneratedLayerStale, DiagnosticSeverity.Error, $"{Path.GetFileName(w)} is missing or out of date; build with regeneration on to update it", w));
            growth = growth with { Diagnostics = [.. growth.Diagnostics, .. stale] };
        }

        if (growth.HasErrors)
        {
            if (File.Exists(stamp))
            {
                File.Delete(stamp);
            }

            return new NodeBuildResult(name, full, stamp, growth, null);
        }

        var state = NodeBuildState.From(NodeFingerprint.Compute(full), growth);
        state.Write(stamp);
        return new NodeBuildResult(name, full, stamp, growth, state);
    }

    private static void RemoveStaleStamps(string stateDirectory, IEnumerable<NodeBuildResult> results)
    {
        var dir = Path.Combine(stateDirectory, "nodes");
        if (!Directory.Exists(dir))
        {
            return;
        }

        var live = results.Select(r => r.StampFile).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(dir, "*.json").Where(f => !live.Contains(f)))
        {
            File.Delete(file);
        }
    }
}
