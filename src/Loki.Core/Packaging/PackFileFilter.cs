namespace Loki.Core.Packaging;

/// <summary>
/// Which files of a node folder ship in the pack. Left out: hidden files and folders (<c>.git</c>, <c>.tracking</c>),
/// caches (<c>__pycache__</c>, <c>*.pyc</c>), the outputs cache (<c>output/</c>), build folders, and tests
/// (<c>tests/</c>, <c>*_test.py</c>): tests in a registry zip have triggered scanner flags, and users don't run them.
/// </summary>
public static class PackFileFilter
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal)
    {
        "__pycache__", "output", "tests", "bin", "obj", "node_modules",
    };

    /// <summary>True when a file at <paramref name="relativePath"/> (forward slashes) inside a node folder ships.</summary>
    public static bool Ships(string relativePath)
    {
        var parts = relativePath.Split('/');
        if (parts.Any(p => p.StartsWith('.')) || parts[..^1].Any(SkippedFolders.Contains))
        {
            return false;
        }

        var file = parts[^1];
        return !(file.EndsWith(".pyc", StringComparison.Ordinal) || file.EndsWith("_test.py", StringComparison.Ordinal)
            || file.Contains(".received.", StringComparison.Ordinal));
    }

    /// <summary>The shipped files under <paramref name="folder"/>, as sorted relative paths with forward slashes; links are skipped.</summary>
    public static IEnumerable<string> EnumerateShipped(string folder, ICollection<string>? skippedLinks = null)
    {
        var results = new List<string>();
        Walk(new DirectoryInfo(folder), string.Empty);
        results.Sort(StringComparer.Ordinal);
        return results;

        void Walk(DirectoryInfo dir, string prefix)
        {
            foreach (var entry in dir.EnumerateFileSystemInfos())
            {
                var rel = prefix + entry.Name;
                if (entry.LinkTarget is not null)
                {
                    skippedLinks?.Add(System.IO.Path.Combine(folder, rel));
                    continue;
                }

                if (entry is DirectoryInfo sub)
                {
                    if (!entry.Name.StartsWith('.') && !SkippedFolders.Contains(entry.Name))
                    {
                        Walk(sub, rel + "/");
                    }
                }
                else if (Ships(rel))
                {
                    results.Add(rel);
                }
            }
        }
    }
}
