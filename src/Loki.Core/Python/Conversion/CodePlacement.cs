using Loki.Core.Diagnostics;

namespace Loki.Core.Python.Conversion;

/// <summary>
/// Where wrapped code lives in the node folder and how the script imports it: code already in the folder stays;
/// a lone module is copied to <c>src/&lt;module&gt;.py</c>; a module inside a package brings its whole top-level
/// package; a named repository is kept whole under <c>src/&lt;repo&gt;/</c>.
/// </summary>
/// <param name="ImportRoot">The folder on <c>sys.path</c>, relative to the node folder ("" for the folder itself).</param>
/// <param name="ModuleName">The dotted module name under that root.</param>
/// <param name="SourceInNodeFolder">The module's path inside the node folder (the header's source).</param>
/// <param name="ScanPath">What to scan for imports (the copied code).</param>
public sealed record CodePlacement(string ImportRoot, string ModuleName, string SourceInNodeFolder, string ScanPath)
{
    private static readonly HashSet<string> Skipped = [".git", "__pycache__", ".venv", "venv", "node_modules", ".mypy_cache", ".pytest_cache", "output"];

    /// <summary>Plans the placement and adds copies of outside code to <paramref name="files"/>.</summary>
    public static CodePlacement Plan(string module, string nodeFolder, string? repository, List<GeneratedFile> files)
    {
        if (repository is not null && !NodeFolders.IsInside(repository, module))
        {
            throw new LokiException(new LokiDiagnostic(LokiCodes.BadUsage, DiagnosticSeverity.Error, $"the module is not inside the repository {repository}", module));
        }

        // The outermost folder that is still a package: its parent goes on sys.path.
        var packageTop = Path.GetDirectoryName(module)!;
        var root = packageTop;
        while (File.Exists(Path.Combine(root, "__init__.py")) && (repository is null || !PathEquals(root, repository)))
        {
            root = Path.GetDirectoryName(root)!;
        }

        string copyFrom;
        string copyTo;
        if (NodeFolders.IsInside(nodeFolder, module))
        {
            var rel = NodeFolders.Relative(nodeFolder, root);
            return new CodePlacement(rel == "." ? string.Empty : rel, DottedName(root, module), NodeFolders.Relative(nodeFolder, module), module);
        }

        if (repository is not null)
        {
            copyFrom = repository;
            copyTo = "src/" + Path.GetFileName(Path.TrimEndingDirectorySeparator(repository));
        }
        else if (!PathEquals(root, Path.GetDirectoryName(module)!))
        {
            var top = Path.GetRelativePath(root, module).Replace('\\', '/').Split('/')[0];
            copyFrom = Path.Combine(root, top);
            copyTo = "src/" + top;
        }
        else
        {
            files.Add(Copy(module, "src/" + Path.GetFileName(module)));
            return new CodePlacement("src", Path.GetFileNameWithoutExtension(module), "src/" + Path.GetFileName(module), module);
        }

        foreach (var file in Directory.EnumerateFiles(copyFrom, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var rel = Path.GetRelativePath(copyFrom, file).Replace('\\', '/');
            if (rel.Split('/').Any(Skipped.Contains) || rel.EndsWith(".pyc", StringComparison.Ordinal))
            {
                continue;
            }

            files.Add(Copy(file, copyTo + "/" + rel));
        }

        var copiedModule = copyTo + "/" + Path.GetRelativePath(copyFrom, module).Replace('\\', '/');
        var importRoot = repository is null ? "src" : "src/" + Path.GetRelativePath(Path.GetDirectoryName(copyFrom)!, root).Replace('\\', '/');
        importRoot = importRoot.EndsWith("/.", StringComparison.Ordinal) ? importRoot[..^2] : importRoot;
        return new CodePlacement(importRoot, DottedName(root, module), copiedModule, copyFrom);
    }

    private static string DottedName(string root, string module)
    {
        var rel = Path.GetRelativePath(root, module).Replace('\\', '/');
        rel = rel[..^3];
        if (rel.EndsWith("/__init__", StringComparison.Ordinal))
        {
            rel = rel[..^9];
        }

        return rel.Replace('/', '.');
    }

    private static GeneratedFile Copy(string from, string to)
    {
        // Wrapped code is copied byte for byte; text files only (binary assets are copied as Latin-1 round trip).
        var bytes = File.ReadAllBytes(from);
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        return new GeneratedFile(to, text, GeneratedFileKind.Copy);
    }

    private static bool PathEquals(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(b)), StringComparison.Ordinal);
}
