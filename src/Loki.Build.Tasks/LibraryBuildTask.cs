using Loki.Core.Diagnostics;
using Loki.Core.Flows;
using Loki.Core.Library;
using Loki.Core.Regeneration;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Loki.Build.Tasks;

/// <summary>
/// Shared body of <see cref="RegenerateLokiNodes"/> and <see cref="VerifyLokiNodes"/>: builds each resolved node
/// through <see cref="LibraryBuild"/> (unchanged nodes are skipped), reports every diagnostic and the files written.
/// </summary>
public abstract class LibraryBuildTask : LokiTask
{
    /// <summary>Resolved nodes (from <see cref="ResolveLokiNodes"/>).</summary>
    [Required]
    public ITaskItem[] Nodes { get; set; } = [];

    /// <summary>The folder for LOKI's build state (<c>obj/loki/</c>).</summary>
    [Required]
    public string StateDirectory { get; set; } = string.Empty;

    /// <summary>True (the default) to grow each node's default glamour after its layers.</summary>
    public bool Glamours { get; set; } = true;

    /// <summary>Files written by this run (generated layers).</summary>
    [Output]
    public ITaskItem[] WrittenFiles { get; private set; } = [];

    /// <summary>Names of the nodes that were rebuilt (the others were unchanged and skipped).</summary>
    [Output]
    public ITaskItem[] RebuiltNodes { get; private set; } = [];

    /// <summary>Regenerate or verify.</summary>
    private protected abstract LibraryBuildMode Mode { get; }

    /// <inheritdoc/>
    protected sealed override void ExecuteCore()
    {
        var directories = Nodes.Select(n => n.ItemSpec).ToList();
        using var conversions = FlowConversionTally.Begin();
        var results = LibraryBuild.Run(directories, StateDirectory, Mode, NodeRegenerator.CreateDefault(), Glamours);
        ReportConversions(conversions);
        var rebuilt = new List<ITaskItem>();
        var written = new List<ITaskItem>();
        foreach (var result in results)
        {
            if (result.Growth is not { } growth)
            {
                continue;
            }

            rebuilt.Add(new TaskItem(result.Node));
            Log.LogMessage(MessageImportance.Normal, $"loki: rebuilt node {growth.Summary()}");
            foreach (var diagnostic in growth.Diagnostics)
            {
                Report(diagnostic);
            }

            if (Mode == LibraryBuildMode.Regenerate)
            {
                written.AddRange(growth.Written.Select(w => new TaskItem(w)));
            }
        }

        var glamourFiles = 0;
        foreach (var glamour in results.Select(r => r.Glamour).OfType<Loki.Core.Glamours.GlamourResult>())
        {
            foreach (var diagnostic in glamour.Diagnostics)
            {
                Report(diagnostic);
            }

            glamourFiles += glamour.Written.Length;
            if (Mode == LibraryBuildMode.Regenerate)
            {
                written.AddRange(glamour.Written.Select(w => new TaskItem(w)));
            }
        }

        if (Glamours)
        {
            Log.LogMessage(MessageImportance.Normal, $"loki: glamours: {glamourFiles} files {(Mode == LibraryBuildMode.Regenerate ? "drawn" : "stale")}");
        }

        RebuiltNodes = [.. rebuilt];
        WrittenFiles = [.. written];
        Log.LogMessage(
            MessageImportance.High,
            $"loki: {results.Length} nodes, {rebuilt.Count} rebuilt, {results.Length - rebuilt.Count} unchanged, {written.Count} files written");
    }

    // Each flow should be converted once per build (config, script, node and the interface check share it): the
    // log says how often, per flow, so a regression shows in any build log.
    private void ReportConversions(FlowConversionTally tally)
    {
        var loads = tally.Loads;
        if (loads.IsEmpty)
        {
            return;
        }

        foreach (var (flow, count) in loads)
        {
            Report(new LokiDiagnostic(LokiCodes.FlowConversions, DiagnosticSeverity.Info, $"flow converted {count} time(s), emitted {tally.Emits.GetValueOrDefault(flow)} time(s)", flow), MessageImportance.Low);
        }

        Report(new LokiDiagnostic(
            LokiCodes.FlowConversions,
            DiagnosticSeverity.Info,
            $"{loads.Count} flows converted, {loads.Values.Sum()} conversions"));
    }
}
