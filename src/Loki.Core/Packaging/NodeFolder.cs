using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Loki.Core.Packaging;

/// <summary>
/// A node folder of a LOKI library (<c>nodes/&lt;n&gt;/</c>): a lowercase snake_case folder holding at least one of
/// its layers. Build outputs (<c>bin</c>, <c>obj</c>) and hidden folders are never nodes.
/// </summary>
/// <param name="Name">The folder name, which is the node's name.</param>
/// <param name="Path">The absolute folder path.</param>
public sealed partial record NodeFolder(string Name, string Path)
{
    [GeneratedRegex("^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    /// <summary>The config layer path (<c>&lt;n&gt;.json</c>).</summary>
    public string ConfigPath => System.IO.Path.Combine(Path, Name + ".json");

    /// <summary>The node's own <c>requirements.txt</c>.</summary>
    public string RequirementsPath => System.IO.Path.Combine(Path, "requirements.txt");

    /// <summary>The flow layer (<c>&lt;n&gt;_workflow.json</c>).</summary>
    public string WorkflowPath => System.IO.Path.Combine(Path, Name + "_workflow.json");

    /// <summary>True when the folder has an <c>__init__.py</c> (ComfyUI can import it).</summary>
    public bool IsImportable => File.Exists(System.IO.Path.Combine(Path, "__init__.py"));

    /// <summary>The node folders directly under <paramref name="library"/>, sorted by name.</summary>
    public static ImmutableArray<NodeFolder> Discover(string library)
    {
        if (!Directory.Exists(library))
        {
            return [];
        }

        return [.. Directory.EnumerateDirectories(library)
            .Select(d => new NodeFolder(System.IO.Path.GetFileName(d), System.IO.Path.GetFullPath(d)))
            .Where(n => NamePattern().IsMatch(n.Name) && n.Name is not ("bin" or "obj" or "output" or "node_modules") && n.HasAnyLayer())
            .OrderBy(n => n.Name, StringComparer.Ordinal)];
    }

    /// <summary>The Python files of the node that ship (tests and outputs excluded), sorted.</summary>
    public ImmutableArray<string> PythonFiles() =>
        [.. PackFileFilter.EnumerateShipped(Path).Where(f => f.EndsWith(".py", StringComparison.Ordinal))
            .Select(rel => System.IO.Path.Combine(Path, rel))];

    private bool HasAnyLayer() =>
        new[] { Name + ".json", Name + ".py", Name + "_node.py", Name + "_workflow.json", Name + ".md", "__init__.py" }
            .Any(f => File.Exists(System.IO.Path.Combine(Path, f)));
}
