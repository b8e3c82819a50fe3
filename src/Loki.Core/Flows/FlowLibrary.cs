using System.Collections.Immutable;
using Loki.Core.Config;
using Loki.Core.Diagnostics;

namespace Loki.Core.Flows;

/// <summary>The LOKI nodes a flow can use: the configs of a library's <c>nodes/&lt;n&gt;/&lt;n&gt;.json</c>.</summary>
public static class FlowLibrary
{
    /// <summary>
    /// Reads every node config under <paramref name="roots"/> (each a library root holding <c>nodes/</c>, a
    /// <c>nodes</c> folder, or a node folder). A config that does not read is reported and skipped.
    /// </summary>
    public static ImmutableArray<NodeConfig> Read(IEnumerable<string> roots, DiagnosticBag diagnostics)
    {
        var configs = ImmutableArray.CreateBuilder<NodeConfig>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            foreach (var folder in NodeFolders(root))
            {
                var file = Path.Combine(folder, Path.GetFileName(folder) + ".json");
                if (!File.Exists(file) || !seen.Add(Path.GetFullPath(file)))
                {
                    continue;
                }

                var bag = new DiagnosticBag();
                var config = NodeConfigReader.ReadFile(file, bag, Path.GetFileName(folder));
                if (config is null || bag.HasErrors)
                {
                    diagnostics.Warning(LokiCodes.FlowNodeBad, $"LOKI node config skipped: {bag.Items.FirstOrDefault(d => d.IsError)?.Message ?? "unreadable"}", file);
                    continue;
                }

                configs.Add(config);
            }
        }

        return configs.ToImmutable();
    }

    /// <summary>The library root a flow file lives in: the nearest folder above it that holds <c>nodes/</c>, or null.</summary>
    public static string? RootAbove(string path)
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(Path.GetFullPath(path))!); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "nodes")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>The node folders <see cref="Read"/> looks in under <paramref name="root"/>, in the order it reads them.</summary>
    public static IEnumerable<string> NodeFolders(string root)
    {
        if (File.Exists(Path.Combine(root, Path.GetFileName(Path.TrimEndingDirectorySeparator(root)) + ".json")))
        {
            return [root];
        }

        var nodes = Directory.Exists(Path.Combine(root, "nodes")) ? Path.Combine(root, "nodes") : root;
        return Directory.Exists(nodes) ? Directory.GetDirectories(nodes).Order(StringComparer.Ordinal) : [];
    }
}
