using System.Collections.Concurrent;

namespace Loki.Cli.Commands;

/// <summary>
/// The output folders of one <c>loki convert</c> run, each made (or found) once: a batch writes many files into the
/// same folders, and finding a folder missing by failing to create a file in it costs an exception per folder.
/// </summary>
internal sealed class OutputFolders
{
    private readonly ConcurrentDictionary<string, bool> _ready = new(StringComparer.Ordinal);

    /// <summary>Makes the folder <paramref name="file"/> goes into, unless this run has already.</summary>
    public void Ensure(string file)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (folder is not null && !_ready.ContainsKey(folder))
        {
            Directory.CreateDirectory(folder);
            _ready.TryAdd(folder, true);
        }
    }
}
