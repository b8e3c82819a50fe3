using System.IO.Hashing;
using System.Text;
using Loki.Core.IO;

namespace Loki.Core.Schemas;

/// <summary>
/// The index of each <c>--schemas</c> dump kept between runs (issue 10: a run with a dump costs no more than one
/// without): the place of every class's definition and the warning of every entry that is none, as the full check of
/// the dump found them. A later run whose dump is still the same file (<see cref="DumpFileIdentity"/>: device, inode,
/// size, modification and change times) takes the index from here and reads only the definitions it uses; any other
/// dump is read, checked and indexed whole, as without a cache, and its index stored for next time. A dump that fails
/// the check (bad JSON, a root that is not an object) is never stored, so its error comes back every run.
/// </summary>
/// <remarks>
/// One file per dump path (<c>&lt;directory&gt;/&lt;hash of the full path&gt;.idx</c>), written atomically (a temporary file
/// renamed: concurrent runs each write a whole file and the last rename wins) and never trusted blindly: its header
/// (format, checksum, the path and identity it names) is checked when opened, and anything wrong there is a miss; the
/// rest is read and checked piece by piece as classes are looked up (<see cref="DumpIndexTable"/>), and a piece that
/// fails makes the run read the dump whole and store the index again (<see cref="CachedDump"/>). A cache folder that
/// cannot be written (a read-only home) only means no cache.
/// A dump changed within <see cref="Settle"/> of being read is not stored: its timestamps could stay the same
/// through one more edit in the same clock tick (git's "racy" files). The folder keeps the <see cref="MaxFiles"/> most
/// recently used index files (<see cref="DumpIndexEviction"/>, when one is stored); an index is ~60 bytes per class
/// (125 KB for a dump of 2,068 classes, of which a warm run reads a few hundred bytes), so a full folder holds a few megabytes.
/// </remarks>
public sealed class DumpIndexCache
{
    private int _hits;
    private int _writes;
    private int _fallbacks;

    /// <summary>A cache in <paramref name="directory"/> (made when first written).</summary>
    public DumpIndexCache(string directory)
        : this(directory, TimeSpan.FromSeconds(2))
    {
    }

    /// <summary>A cache in <paramref name="directory"/> that stores a dump once it has not changed for <paramref name="settle"/>.</summary>
    internal DumpIndexCache(string directory, TimeSpan settle, int maxFiles = 64)
    {
        Directory = Path.GetFullPath(directory);
        Settle = settle;
        MaxFiles = maxFiles;
    }

    /// <summary>How many index files the folder keeps (the most recently used; one per dump path).</summary>
    public int MaxFiles { get; }

    /// <summary>The folder holding the index files.</summary>
    public string Directory { get; }

    /// <summary>How long a dump must have been unchanged before its index is stored.</summary>
    public TimeSpan Settle { get; }

    /// <summary>How many dumps were taken from this cache (tests).</summary>
    internal int Hits => Volatile.Read(ref _hits);

    /// <summary>How many runs found a piece of a cached index damaged and read the dump whole instead (tests).</summary>
    internal int Fallbacks => Volatile.Read(ref _fallbacks);

    /// <summary>How many index files this cache wrote (tests).</summary>
    internal int Writes => Volatile.Read(ref _writes);

    /// <summary>
    /// The per-user cache: <c>$LOKI_CACHE_DIR</c>, else <c>$XDG_CACHE_HOME/loki</c>, else <c>~/.cache/loki</c>, each with
    /// <c>object-info</c> under it; null (no cache) when <c>LOKI_NO_CACHE</c> is set or no home is known.
    /// </summary>
    public static DumpIndexCache? ForUser() => ForUser(Environment.GetEnvironmentVariable);

    /// <summary><see cref="ForUser()"/> with the environment given (tests).</summary>
    internal static DumpIndexCache? ForUser(Func<string, string?> environment)
    {
        if (!string.IsNullOrEmpty(environment("LOKI_NO_CACHE")))
        {
            return null;
        }

        // The XDG base directory rule: a relative path in the variable is ignored.
        static string? Absolute(string? path) => string.IsNullOrEmpty(path) || !Path.IsPathFullyQualified(path) ? null : path;
        var root = Absolute(environment("LOKI_CACHE_DIR"))
            ?? (Absolute(environment("XDG_CACHE_HOME")) is { } xdg ? Path.Combine(xdg, "loki")
            : Absolute(environment("HOME")) is { } home ? Path.Combine(home, ".cache", "loki") : null);
        return root is null ? null : new DumpIndexCache(Path.Combine(root, "object-info"));
    }

    /// <summary>
    /// The dump at <paramref name="file"/> with its index from this cache when the cache holds one whose header is
    /// sound and names the file as it is now; else null. The rest of the index is read and checked piece by piece as
    /// classes are looked up, and the dump opened only when a definition is first read from it (<see cref="CachedDump"/>).
    /// <paramref name="identityBefore"/> is the dump's identity as it was taken before anything was read (null where
    /// none can be had): on a miss the caller reads the dump and stores its index under it, without asking the file
    /// system again.
    /// </summary>
    internal CachedDump? Open(string file, SchemaOrigin origin, out DumpFileIdentity? identityBefore)
    {
        var full = Path.GetFullPath(file);
        identityBefore = DumpFileIdentity.Of(full);
        if (identityBefore is not { } identity)
        {
            return null;
        }

        // A dump's first run finds no index: the open says so (no exception, no look first).
        if (ReadOnlyFile.Open(PathFor(full)) is not { } index)
        {
            return null;
        }

        try
        {
            if (DumpIndexTable.Open(index, full, identity) is not { } table)
            {
                index.Dispose();
                return null;
            }

            Interlocked.Increment(ref _hits);
            return new CachedDump(table, new DumpFileText(file, full, identity, table.Skipped), identity, origin, this);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EncoderFallbackException)
        {
            index.Dispose();
            return null;
        }
    }

    /// <summary>
    /// Called when a piece of a cached index failed its check under a run that then read the dump whole: stores the
    /// index made from it again (<see cref="Store"/>), so the next run finds a sound one.
    /// </summary>
    internal void Damaged(string file, DumpFileIdentity identity, int bytesRead, DumpIndex index)
    {
        Interlocked.Increment(ref _fallbacks);
        Store(file, identity, bytesRead, index);
    }

    /// <summary>
    /// Stores <paramref name="index"/>, made from the <paramref name="bytesRead"/> bytes of <paramref name="file"/> read
    /// while its identity was <paramref name="before"/>, unless the file changed meanwhile or too recently, or the
    /// cache cannot be written (then nothing happens).
    /// </summary>
    internal void Store(string file, DumpFileIdentity before, int bytesRead, DumpIndex index)
    {
        var full = Path.GetFullPath(file);
        var settledBefore = (DateTime.UtcNow - DateTime.UnixEpoch - Settle).Ticks * 100;
        if (before.Size != bytesRead || before.LastChangeNs > settledBefore || DumpFileIdentity.Of(full) != before
            || DumpIndexFile.Write(full, before, bytesRead - index.Utf8.Length, index.Entries, index.Utf8.Span) is not { } content)
        {
            return;
        }

        try
        {
            AtomicFile.Write(PathFor(full), content, flushToDisk: false);
            Interlocked.Increment(ref _writes);
            DumpIndexEviction.Trim(Directory, MaxFiles);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or EncoderFallbackException)
        {
            // No cache where none can be written: the next run reads the dump again.
        }
    }

    /// <summary>The index file of the dump <paramref name="fullPath"/>.</summary>
    /// <exception cref="EncoderFallbackException">The path has no UTF-8 (a lone surrogate).</exception>
    internal string PathFor(string fullPath)
    {
        var utf8 = new byte[fullPath.Length * 3];
        var length = DumpIndexFile.Utf8(fullPath, utf8);
        return length < 0
            ? throw new EncoderFallbackException("the path has no UTF-8")
            : Path.Combine(Directory, Convert.ToHexStringLower(XxHash128.Hash(utf8.AsSpan(0, length))) + ".idx");
    }
}
