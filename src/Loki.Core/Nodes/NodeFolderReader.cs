using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Loki.Core.Diagnostics;

namespace Loki.Core.Nodes;

/// <summary>Finds which layers a node folder holds. Reads directory entries only, never file contents.</summary>
public static partial class NodeFolderReader
{
    /// <summary>Reads the folder <paramref name="directory"/>; a missing folder is an error.</summary>
    public static NodeFolder? Read(string directory, DiagnosticBag diagnostics)
    {
        var full = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar);
        if (!System.IO.Directory.Exists(full))
        {
            diagnostics.Error(LokiCodes.NodeFolderMissing, "node folder does not exist", full);
            return null;
        }

        var name = Path.GetFileName(full);
        if (!IsValidName(name))
        {
            diagnostics.Warning(LokiCodes.NodeNameNotSnakeCase, $"node folder name \"{name}\" is not lowercase snake_case; layer files must still be named after it", full);
        }

        var files = new HashSet<string>(StringComparer.Ordinal);
        var folders = new HashSet<string>(StringComparer.Ordinal);
        var entries = ImmutableArray.CreateBuilder<string>();
        foreach (var entry in new DirectoryInfo(full).EnumerateFileSystemInfos())
        {
            if (IsTemporary(entry.Name))
            {
                continue;
            }

            if (entry is DirectoryInfo)
            {
                folders.Add(entry.Name);
                entries.Add(entry.Name + "/");
            }
            else
            {
                files.Add(entry.Name);
                entries.Add(entry.Name);
            }
        }

        var layers = ImmutableSortedDictionary.CreateBuilder<NodeLayer, string>();
        foreach (var def in LayerCatalog.All)
        {
            var file = def.Files(name).FirstOrDefault(files.Contains);
            var folder = def.FolderNames.FirstOrDefault(folders.Contains);
            if (file is not null)
            {
                layers[def.Layer] = file;
            }
            else if (folder is not null)
            {
                layers[def.Layer] = folder + "/";
            }
        }

        entries.Sort(StringComparer.Ordinal);
        return new NodeFolder(name, full, layers.ToImmutable(), entries.ToImmutable());
    }

    /// <summary>True for a lowercase snake_case node name (<c>image_levels</c>, <c>x2</c>).</summary>
    public static bool IsValidName(string name) => SnakeCase().IsMatch(name);

    /// <summary>True for the temporary files <see cref="IO.AtomicFile"/> leaves only when a process dies mid-write.</summary>
    public static bool IsTemporary(string fileName) => fileName.StartsWith('.') && fileName.EndsWith(".tmp", StringComparison.Ordinal);

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();
}
