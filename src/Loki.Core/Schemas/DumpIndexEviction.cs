namespace Loki.Core.Schemas;

/// <summary>
/// Keeps a <see cref="DumpIndexCache"/> folder bounded: after each index is stored, only the
/// <see cref="DumpIndexCache.MaxFiles"/> most recently used index files stay. An index file's last use is the later of
/// its last access and last write: a warm run only reads its index, and Linux's default <c>relatime</c> mount moves the
/// access time on a read at most once a day, which is fine enough to tell a dump in use from one left behind (a
/// <c>noatime</c> mount keeps the write time only, so the oldest written go first).
/// </summary>
/// <remarks>
/// Trimming runs only where an index is stored (a dump's first run, or its first after a change), never on the warm
/// path, and costs one listing of the folder. An index lost to trimming (or deleted by hand) is only a miss: the next
/// run with that dump reads and indexes it again. Files other than <c>*.idx</c> (a writer's temporary file) are left
/// alone; a file that cannot be deleted is left too.
/// </remarks>
internal static class DumpIndexEviction
{
    /// <summary>Deletes the least recently used <c>*.idx</c> files of <paramref name="directory"/> beyond the <paramref name="keep"/> newest.</summary>
    public static void Trim(string directory, int keep)
    {
        FileInfo[] files;
        try
        {
            files = new DirectoryInfo(directory).GetFiles("*.idx", SearchOption.TopDirectoryOnly);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        if (files.Length <= keep)
        {
            return;
        }

        var byUse = files
            .Select(f => (File: f, LastUse: f.LastAccessTimeUtc > f.LastWriteTimeUtc ? f.LastAccessTimeUtc : f.LastWriteTimeUtc))
            .OrderByDescending(f => f.LastUse)
            .ThenBy(f => f.File.Name, StringComparer.Ordinal);
        foreach (var (file, _) in byUse.Skip(keep))
        {
            try
            {
                file.Delete();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another run deleted or replaced it, or the folder is read-only: the next store tries again.
            }
        }
    }
}
