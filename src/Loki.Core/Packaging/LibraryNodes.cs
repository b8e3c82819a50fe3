using System.Collections.Immutable;
using Loki.Core.Diagnostics;
using Loki.Core.Nodes;

namespace Loki.Core.Packaging;

/// <summary>
/// The node folders of a library (<c>nodes/</c>) for packaging and requirement checks: the lowercase snake_case
/// folders directly under it that hold at least one layer (<see cref="NodeFolderReader"/>), sorted by name. Build
/// outputs (<c>bin</c>, <c>obj</c>) and hidden folders never count as nodes.
/// </summary>
public static class LibraryNodes
{
    private static readonly NodeLayer[] Markers =
        [NodeLayer.Config, NodeLayer.Script, NodeLayer.Node, NodeLayer.Flow, NodeLayer.Requirements, NodeLayer.Init];

    /// <summary>The node folders under <paramref name="library"/>.</summary>
    public static ImmutableArray<NodeFolder> Discover(string library)
    {
        if (!Directory.Exists(library))
        {
            return [];
        }

        var ignored = new DiagnosticBag();
        return [.. Directory.EnumerateDirectories(library)
            .Where(d => NodeFolderReader.IsValidName(Path.GetFileName(d)) && Path.GetFileName(d) is not ("bin" or "obj" or "output" or "node_modules"))
            .Select(d => NodeFolderReader.Read(d, ignored))
            .OfType<NodeFolder>()
            .Where(n => Markers.Any(n.Has))
            .OrderBy(n => n.Name, StringComparer.Ordinal)];
    }

    /// <summary>The node's config file (<c>&lt;n&gt;.json</c>).</summary>
    public static string ConfigPath(this NodeFolder node) => node.PathOf(NodeLayer.Config);

    /// <summary>The node's own <c>requirements.txt</c>.</summary>
    public static string RequirementsPath(this NodeFolder node) => Path.Combine(node.Directory, "requirements.txt");

    /// <summary>The node's flow (<c>&lt;n&gt;_workflow.json</c>).</summary>
    public static string WorkflowPath(this NodeFolder node) => node.PathOf(NodeLayer.Flow);

    /// <summary>True when ComfyUI can import the folder (it has <c>__init__.py</c>).</summary>
    public static bool IsImportable(this NodeFolder node) => File.Exists(Path.Combine(node.Directory, "__init__.py"));

    /// <summary>The shipped Python files of the node (tests and outputs excluded), as full paths.</summary>
    public static ImmutableArray<string> PythonFiles(this NodeFolder node) =>
        [.. PackFileFilter.EnumerateShipped(node.Directory).Where(f => f.EndsWith(".py", StringComparison.Ordinal))
            .Select(rel => Path.Combine(node.Directory, rel))];
}
