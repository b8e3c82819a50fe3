using Loki.Tests;

namespace Loki.Core.Tests.Glamours;

/// <summary>A temporary copy of the repository's node library (every node's files, glamours left out unless asked).</summary>
internal sealed class LibraryCopy : IDisposable
{
    public LibraryCopy(bool withGlamours = false, IEnumerable<string>? only = null)
    {
        Root = Directory.CreateTempSubdirectory("loki-glamour-").FullName;
        var source = RepoPaths.InRepo("nodes");
        var wanted = only?.ToHashSet(StringComparer.Ordinal);
        foreach (var dir in Directory.GetDirectories(source).Where(d => !Path.GetFileName(d).StartsWith('.') && Path.GetFileName(d) is not ("bin" or "obj")))
        {
            if (wanted is not null && !wanted.Contains(Path.GetFileName(dir)))
            {
                continue;
            }

            foreach (var file in Directory.GetFiles(dir, "*", SearchOption.AllDirectories))
            {
                var rel = Path.GetRelativePath(source, file);
                if (rel.Contains("__pycache__", StringComparison.Ordinal) || (!withGlamours && rel.Split(Path.DirectorySeparatorChar).Contains("glamour")))
                {
                    continue;
                }

                var target = Path.Combine(Root, rel);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
    }

    public string Root { get; }

    public IReadOnlyList<string> Nodes => [.. Directory.GetDirectories(Root).Order(StringComparer.Ordinal)];

    public string Glamour(string node, string file) => Path.Combine(Root, node, "glamour", file);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
