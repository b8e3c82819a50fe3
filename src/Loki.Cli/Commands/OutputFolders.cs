using System.Collections.Concurrent;

namespace Loki.Cli.Commands;

/// <summary>
/// The output folders of one <c>loki convert</c> run, each made (or found) once: a batch writes many files into the
/// same folders. A folder is made after its parent, one <c>mkdir</c> each (making the deepest first fails once per
/// missing level), and the run remembers which folders it made itself: those held nothing before, so a file written
/// into one needs no look for an older copy of itself.
/// </summary>
internal sealed class OutputFolders
{
    // Folder → true when this run made it (it was empty), false when it was there before.
    private readonly ConcurrentDictionary<string, bool> _folders = new(StringComparer.Ordinal);

    /// <summary>
    /// Makes the folder <paramref name="file"/> goes into, unless this run has already; true when this run made that
    /// folder (so no file of that name can be there but one this run wrote).
    /// </summary>
    public bool Ensure(string file) => Path.GetDirectoryName(Path.GetFullPath(file)) is not { } folder || Make(folder);

    private bool Make(string folder)
    {
        if (_folders.TryGetValue(folder, out var made))
        {
            return made;
        }

        // Below a folder this run made nothing exists yet: make the missing levels without looking. Elsewhere look first.
        var parent = Path.GetDirectoryName(folder);
        if (!MadeAbove(parent) && Directory.Exists(folder))
        {
            made = false;
        }
        else
        {
            if (parent is not null && !_folders.ContainsKey(parent))
            {
                Make(parent);
            }

            Directory.CreateDirectory(folder);
            made = true;
        }

        // Two threads making the same folder both made it (CreateDirectory accepts a folder that exists): either answer holds.
        return _folders.GetOrAdd(folder, made);
    }

    // Whether the nearest folder at or above this one that the run knows is one it made.
    private bool MadeAbove(string? folder)
    {
        for (; folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (_folders.TryGetValue(folder, out var made))
            {
                return made;
            }
        }

        return false;
    }
}
