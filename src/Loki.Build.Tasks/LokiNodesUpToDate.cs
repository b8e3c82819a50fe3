using Loki.Core.Diagnostics;
using Microsoft.Build.Framework;
using Task = Microsoft.Build.Utilities.Task;

namespace Loki.Build.Tasks;

/// <summary>
/// The no-change check of a library build: true when the last build's stamp is newer than every file directly in
/// every node folder, every node folder itself (a file added, removed or renamed changes it) and the other inputs
/// (project files, task assembly, the node-list cache). Timestamps only, so a no-change build of 1,000 nodes costs
/// a few thousand <c>stat</c>s instead of an MSBuild item per file. Plain BCL code: Loki.Core is not even loaded.
/// </summary>
public sealed class LokiNodesUpToDate : Task
{
    /// <summary>The node folders (full paths).</summary>
    [Required]
    public ITaskItem[] Nodes { get; set; } = [];

    /// <summary>Other files the build reads; a missing one counts as changed.</summary>
    public ITaskItem[] Inputs { get; set; } = [];

    /// <summary>The stamp the last successful build touched.</summary>
    [Required]
    public string Stamp { get; set; } = string.Empty;

    /// <summary>True when nothing is newer than <see cref="Stamp"/>.</summary>
    [Output]
    public bool UpToDate { get; private set; }

    /// <inheritdoc/>
    public override bool Execute()
    {
        var changed = FirstChange(Stamp, Nodes.Select(n => n.ItemSpec), Inputs.Select(i => i.ItemSpec));
        UpToDate = changed is null;
        Log.LogMessage(
            LokiTask.Subcategory,
            UpToDate ? LokiCodes.NodesUpToDate : LokiCodes.NodesChanged,
            null,
            changed ?? Stamp,
            0,
            0,
            0,
            0,
            MessageImportance.Normal,
            UpToDate ? "loki: no node changed since the last build: nothing to grow" : $"loki: {changed} changed since the last build");
        return true;
    }

    /// <summary>The first path newer than <paramref name="stamp"/> (or missing), or null when there is none.</summary>
    internal static string? FirstChange(string stamp, IEnumerable<string> nodes, IEnumerable<string> inputs)
    {
        var built = new FileInfo(stamp);
        if (!built.Exists)
        {
            return stamp;
        }

        var time = built.LastWriteTimeUtc;
        foreach (var input in inputs.Where(i => i.Length > 0))
        {
            var file = new FileInfo(input);
            if (!file.Exists || file.LastWriteTimeUtc > time)
            {
                return input;
            }
        }

        foreach (var node in nodes)
        {
            var folder = new DirectoryInfo(node);
            if (!folder.Exists || folder.LastWriteTimeUtc > time)
            {
                return node;
            }

            foreach (var file in folder.EnumerateFiles())
            {
                if (file.LastWriteTimeUtc > time)
                {
                    return file.FullName;
                }
            }
        }

        return null;
    }
}
