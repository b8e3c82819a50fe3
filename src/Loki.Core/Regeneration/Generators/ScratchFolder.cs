using Loki.Core.Diagnostics;
using Loki.Core.Nodes;

namespace Loki.Core.Regeneration.Generators;

/// <summary>
/// A temporary copy of a node folder's top-level files as the converter should see them: the layer being derived
/// left out (a converter plans a layer only when it is absent) and layers produced earlier in the same run as they
/// are now. Converters that read the folder themselves run against it; nothing in the real folder is touched.
/// </summary>
internal sealed class ScratchFolder : IDisposable
{
    private readonly string _root;

    private ScratchFolder(string root, string directory)
    {
        _root = root;
        Directory = directory;
    }

    /// <summary>The scratch node folder (same name as the node).</summary>
    public string Directory { get; }

    /// <summary>Copies <paramref name="context"/>'s folder without <paramref name="target"/>.</summary>
    public static ScratchFolder Create(LayerGenerationContext context, NodeLayer target)
    {
        var root = System.IO.Directory.CreateTempSubdirectory("loki-scratch-").FullName;
        var dir = Path.Combine(root, context.NodeName);
        System.IO.Directory.CreateDirectory(dir);
        var skip = context.Folder.FileOf(target);
        foreach (var file in System.IO.Directory.EnumerateFiles(context.Folder.Directory))
        {
            var name = Path.GetFileName(file);
            if (name != skip && !NodeFolderReader.IsTemporary(name))
            {
                File.Copy(file, Path.Combine(dir, name));
            }
        }

        foreach (var (file, text) in context.Produced ?? new Dictionary<string, string>())
        {
            if (file != skip)
            {
                File.WriteAllText(Path.Combine(dir, file), text);
            }
        }

        return new ScratchFolder(root, dir);
    }

    /// <summary>The same diagnostic about the real folder <paramref name="realDirectory"/>.</summary>
    public LokiDiagnostic ToReal(LokiDiagnostic diagnostic, string realDirectory) => diagnostic with
    {
        File = diagnostic.File?.Replace(Directory, realDirectory, StringComparison.Ordinal),
        Message = diagnostic.Message.Replace(Directory, realDirectory, StringComparison.Ordinal),
    };

    /// <inheritdoc/>
    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A scratch copy in the temp folder is harmless if it cannot be removed now.
        }
    }
}
