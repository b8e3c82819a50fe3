using Loki.Core.Diagnostics;
using Loki.Core.Python.Emit;

namespace Loki.Core.Python.Conversion;

/// <summary>Facts about a node folder (<c>nodes/&lt;n&gt;/</c>) shared by the conversions.</summary>
public static class NodeFolders
{
    /// <summary>The node name of <paramref name="folder"/> (its last segment), checked to be lowercase snake_case.</summary>
    public static string NodeName(string folder)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
        if (!PythonNames.IsNodeName(name))
        {
            throw new LokiException(new LokiDiagnostic(LokiCodes.BadIdentifier, DiagnosticSeverity.Error,
                $"node folder name '{name}' is not lowercase snake_case (e.g. image_levels)", folder));
        }

        return name;
    }

    /// <summary><paramref name="path"/> relative to <paramref name="folder"/> with forward slashes.</summary>
    public static string Relative(string folder, string path) => Path.GetRelativePath(folder, path).Replace('\\', '/');

    /// <summary>True when <paramref name="path"/> lies inside <paramref name="folder"/>.</summary>
    public static bool IsInside(string folder, string path)
    {
        var rel = Path.GetRelativePath(folder, path);
        return !rel.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(rel);
    }
}
