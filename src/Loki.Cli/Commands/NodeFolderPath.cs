namespace Loki.Cli.Commands;

/// <summary>Where a node named on the command line lives.</summary>
internal static class NodeFolderPath
{
    /// <summary>
    /// A path (<c>nodes/blur</c>) is used as is; a bare name goes under <paramref name="nodesDir"/>, else under
    /// <c>./nodes</c> when that exists, else the current folder.
    /// </summary>
    public static string Resolve(string nameOrPath, string? nodesDir)
    {
        if (nameOrPath.Contains('/') || nameOrPath.Contains(Path.DirectorySeparatorChar))
        {
            return Path.GetFullPath(nameOrPath);
        }

        var root = nodesDir ?? (Directory.Exists("nodes") ? "nodes" : ".");
        return Path.GetFullPath(Path.Combine(root, nameOrPath));
    }
}
