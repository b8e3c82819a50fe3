using Loki.Core.Diagnostics;
using Loki.Core.IO;
using Loki.Core.Library;
using Microsoft.Build.Framework;

namespace Loki.Build.Tasks;

/// <summary>
/// Writes the library's growth report (markdown) from every node's stamp and logs one line per node: which layers
/// a person wrote, which LOKI generated, which are missing.
/// </summary>
public sealed class ReportLokiNodes : LokiTask
{
    /// <summary>Resolved nodes (from <see cref="ResolveLokiNodes"/>), with <c>StampFile</c> metadata.</summary>
    [Required]
    public ITaskItem[] Nodes { get; set; } = [];

    /// <summary>The markdown file to write (only when its content changed).</summary>
    [Required]
    public string ReportFile { get; set; } = string.Empty;

    /// <inheritdoc/>
    protected override void ExecuteCore()
    {
        var results = Nodes
            .Select(n => new NodeBuildResult(n.GetMetadata("NodeName"), n.ItemSpec, n.GetMetadata("StampFile"), null, NodeBuildState.Read(n.GetMetadata("StampFile"))))
            .ToList();
        foreach (var r in results.Where(r => r.State is not null))
        {
            var layers = string.Join(", ", r.State!.Layers.Where(l => l.Value != "missing").Select(l => $"{l.Key}={l.Value}"));
            Report(new LokiDiagnostic(LokiCodes.NodeGrowth, DiagnosticSeverity.Info, $"{r.Node}: {layers}", r.Directory), MessageImportance.Low);
        }

        AtomicFile.WriteIfChanged(ReportFile, LibraryReport.Markdown(results));
    }
}
