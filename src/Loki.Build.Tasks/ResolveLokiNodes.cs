using Loki.Core.Diagnostics;
using Loki.Core.Library;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Loki.Build.Tasks;

/// <summary>
/// Turns <c>LokiNode</c> items (node folders) into resolved nodes: full path, node name, stamp file. Skips folders
/// that are not nodes (hidden ones, <c>bin</c>, <c>obj</c>); a folder that does not exist is an error.
/// </summary>
public sealed class ResolveLokiNodes : LokiTask
{
    /// <summary>The <c>LokiNode</c> items: node folders.</summary>
    [Required]
    public ITaskItem[] Nodes { get; set; } = [];

    /// <summary>The folder for LOKI's build state (<c>obj/loki/</c>).</summary>
    [Required]
    public string StateDirectory { get; set; } = string.Empty;

    /// <summary>One item per node folder (full path) with metadata <c>NodeName</c> and <c>StampFile</c>.</summary>
    [Output]
    public ITaskItem[] ResolvedNodes { get; private set; } = [];

    /// <inheritdoc/>
    protected override void ExecuteCore()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var resolved = new List<ITaskItem>();
        foreach (var item in Nodes)
        {
            var full = Path.GetFullPath(item.GetMetadata("FullPath") is { Length: > 0 } fp ? fp : item.ItemSpec).TrimEnd(Path.DirectorySeparatorChar, '/');
            var name = Path.GetFileName(full);
            if (name.StartsWith('.') || name is "bin" or "obj" || !seen.Add(full))
            {
                continue;
            }

            if (!Directory.Exists(full))
            {
                Report(new LokiDiagnostic(LokiCodes.NodeFolderMissing, DiagnosticSeverity.Error, $"LokiNode item \"{item.ItemSpec}\" is not a folder", full));
                continue;
            }

            var node = new TaskItem(full);
            node.SetMetadata("NodeName", name);
            node.SetMetadata("StampFile", LibraryBuild.StampPath(StateDirectory, full));
            resolved.Add(node);
        }

        ResolvedNodes = [.. resolved];
    }
}
