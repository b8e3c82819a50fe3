using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Loki.Core.Diagnostics;
using Loki.Core.Nodes;

namespace Loki.Core.Regeneration;

// The end of a node's regeneration: the temporary files an interrupted write left, and the report of every layer.
public sealed partial class NodeRegenerator
{
    private static void RemoveTemporaryFiles(NodeFolder folder, bool dryRun, DiagnosticBag diagnostics)
    {
        foreach (var file in Directory.EnumerateFiles(folder.Directory, ".*.tmp"))
        {
            var name = Path.GetFileName(file);
            if (AtomicTemp().Match(name) is { Success: true } m && GeneratableLayers.Any(l => folder.FileOf(l) == m.Groups[1].Value))
            {
                diagnostics.Info(LokiCodes.StaleTemporaryFile, $"removed {name}, left by an interrupted write", file);
                if (!dryRun)
                {
                    File.Delete(file);
                }
            }
        }
    }

    private static NodeGrowth Report(Run run)
    {
        var statuses = ImmutableArray.CreateBuilder<LayerStatus>();
        foreach (var def in LayerCatalog.All)
        {
            var layer = def.Layer;
            var file = run.Folder.Layers.GetValueOrDefault(layer);
            var e = run.Existing.GetValueOrDefault(layer);
            LayerStatus status;
            if (run.Failed.Contains(layer))
            {
                status = new LayerStatus(layer, LayerState.Failed, file);
            }
            else if (run.Produced.TryGetValue(layer, out var p))
            {
                status = new LayerStatus(layer, p.Changed ? LayerState.Written : LayerState.Generated, run.Folder.FileOf(layer), p.Source);
            }
            else if (e is not null)
            {
                status = new LayerStatus(layer, run.Orphans.Contains(layer) ? LayerState.Orphaned : e.State, file, e.Mark?.Source);
            }
            else
            {
                status = new LayerStatus(layer, file is null ? LayerState.Missing : LayerState.Authored, file);
            }

            statuses.Add(status);
        }

        return new NodeGrowth(run.Folder.Name, run.Folder.Directory, statuses.ToImmutable(), [.. run.Written], [.. run.Diagnostics.Items]);
    }

    [GeneratedRegex(@"^\.(.+)\.[0-9a-f]{8}\.tmp$")]
    private static partial Regex AtomicTemp();
}
