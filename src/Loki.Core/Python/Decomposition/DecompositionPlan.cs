using System.Collections.Immutable;

namespace Loki.Core.Python.Decomposition;

/// <summary>A plain Python function cut into steps (read statically by <c>loki_pyast.py decompose</c>).</summary>
/// <param name="File">The module file, absolute.</param>
/// <param name="Function">The function's name.</param>
/// <param name="QualifiedName">As asked for: <c>f</c> or <c>Class.method</c>.</param>
/// <param name="Module">Its dotted module name (<c>textwrap</c>, <c>numpy.lib._function_base_impl</c>, <c>shapes</c>).</param>
/// <param name="Installed">True when the module lives where Python finds it installed (standard library, site- or dist-packages): steps import from it by name.</param>
/// <param name="Nodes">The function itself first, then every step (depth first, in call order).</param>
/// <param name="LocalNames">Every name the function binds (parameters included), so generated code avoids them.</param>
public sealed record DecompositionPlan(
    string File,
    string Function,
    string QualifiedName,
    string Module,
    bool Installed,
    ImmutableArray<PlannedNode> Nodes,
    ImmutableHashSet<string> LocalNames)
{
    /// <summary>The step size the cut used (<c>--min-lines</c>, or the one picked when none was given).</summary>
    public int MinLines { get; init; }

    /// <summary>The function's own node (the composite named after it).</summary>
    public PlannedNode Root => Nodes[0];

    /// <summary>The original module's path as written in generated headers: below its import root when installed
    /// (<c>textwrap.py</c>), else as given relative to <paramref name="nodeFolder"/>.</summary>
    public string SourceFor(string nodeFolder) => Installed
        ? Module.Replace('.', '/') + (Path.GetFileName(File) == "__init__.py" ? "/__init__.py" : ".py")
        : Path.GetRelativePath(nodeFolder, File).Replace('\\', '/');
}
