namespace Loki.Tests;

/// <summary>Copies repository folders (node folders, the runtime) into a test's temporary library.</summary>
internal static class FolderCopy
{
    /// <summary>Copies every file under <paramref name="from"/> to the same place under <paramref name="to"/>, without Python caches.</summary>
    public static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Contains("__pycache__", StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
