using Loki.Core.Diagnostics;
using Loki.Core.Workflows;

namespace Loki.Core.Schemas;

/// <summary>
/// The text of a dump whose index came from the cache (<see cref="DumpIndexCache"/>): only the definitions a run asks
/// for are read from it, and the file is opened only when the first is (most warm runs read none: the catalogue's
/// definitions fit their nodes, issue 10). Each definition read is checked against the hash its index holds
/// (<see cref="DumpIndexFile.Check"/>): a file changed since it was indexed, in place or replaced, is an error naming it
/// at the first read of a changed definition, never a definition read from the wrong bytes. The cache trusted the index
/// by the file's identity (<see cref="DumpFileIdentity"/>, taken by path when the set was loaded); a check of the
/// identity per read, or at the open, would add nothing the hash does not catch.
/// </summary>
/// <remarks>
/// Every definition a run reads is then the one the index was made from, so a run that meets a dump changed elsewhere
/// (in classes it never reads) still converts against the dump as it was indexed. Reading the dump whole (a damaged
/// index) needs the whole file as it was: that read checks the identity.
/// </remarks>
internal sealed class DumpFileText
{
    private readonly string _fullPath;
    private readonly DumpFileIdentity _identity;
    private readonly int _skipped;
    private ReadOnlyFile? _file;

    /// <summary>
    /// The dump <paramref name="path"/> (full path <paramref name="fullPath"/>), whose identity was <paramref name="identity"/>
    /// when its index was trusted and whose JSON starts after <paramref name="skipped"/> bytes (a byte order mark).
    /// </summary>
    public DumpFileText(string path, string fullPath, DumpFileIdentity identity, int skipped)
    {
        Path = path;
        _fullPath = fullPath;
        _identity = identity;
        _skipped = skipped;
    }

    /// <summary>The file's path, as named in diagnostics.</summary>
    public string Path { get; }

    /// <summary>
    /// The whole file (its byte order mark included), which must still be as it was when its index was trusted, by its
    /// identity before and after the read (else the dump changed under the run: an error naming it).
    /// </summary>
    public byte[] ReadAll()
    {
        var file = File();
        if (DumpFileIdentity.Of(file) != _identity || _identity.Size > int.MaxValue)
        {
            throw Changed();
        }

        var bytes = new byte[_identity.Size];
        if (ReadAt(file, bytes, 0) < bytes.Length || DumpFileIdentity.Of(file) != _identity)
        {
            throw Changed();
        }

        return bytes;
    }

    /// <summary>The <paramref name="length"/> bytes of the JSON at <paramref name="start"/>, which must hash to <paramref name="check"/>.</summary>
    public byte[] Read(int start, int length, uint check)
    {
        var bytes = new byte[length];
        if (ReadAt(File(), bytes, _skipped + (long)start) < length || DumpIndexFile.Check(bytes) != check)
        {
            throw Changed();
        }

        return bytes;
    }

    /// <summary>The error of a dump that changed under the run.</summary>
    public LokiException Changed() => JsonSource.Fail(LokiCodes.SchemaInvalid, "the dump changed while it was in use; run again", Path);

    // Opened on the first read, once (threads of a batch may race: one handle is kept, the others closed). A file gone
    // is a dump that changed.
    private ReadOnlyFile File()
    {
        if (Volatile.Read(ref _file) is { } open)
        {
            return open;
        }

        var opened = ReadOnlyFile.Open(_fullPath) ?? throw Changed();
        if (Interlocked.CompareExchange(ref _file, opened, null) is { } first)
        {
            opened.Dispose();
            return first;
        }

        return opened;
    }

    // Reads into 'bytes' from 'offset' until it is full or the file ends; how many bytes were read.
    private int ReadAt(ReadOnlyFile file, byte[] bytes, long offset)
    {
        try
        {
            return file.Read(bytes, offset);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            throw JsonSource.Fail(LokiCodes.FileUnreadable, "cannot read the file: " + e.Message, Path);
        }
    }
}
