namespace Loki.Build.Tasks.Tests;

/// <summary>A temporary folder holding a node library that a test builds; deleted afterwards.</summary>
internal sealed class TempTree : IDisposable
{
    public TempTree(string prefix = "loki-build-")
    {
        Root = Directory.CreateTempSubdirectory(prefix).FullName;
    }

    public string Root { get; }

    public string Nodes => Path.Combine(Root, "nodes");

    public string NodeDir(string node) => Path.Combine(Nodes, node);

    public string File(string node, string file) => Path.Combine(Nodes, node, file);

    /// <summary>Writes <paramref name="text"/> to <c>nodes/&lt;node&gt;/&lt;file&gt;</c>.</summary>
    public string Write(string node, string file, string text)
    {
        var path = File(node, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Every file under the tree's nodes folder with its bytes, for byte-for-byte comparisons.</summary>
    public Dictionary<string, byte[]> Snapshot() =>
        Directory.EnumerateFiles(Nodes, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Nodes, f), System.IO.File.ReadAllBytes);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A killed build may still hold a handle for a moment; the OS cleans temp folders.
        }
    }
}
