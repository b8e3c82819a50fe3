using Loki.Core.Diagnostics;
using Loki.Core.Workflows;
using Microsoft.Win32.SafeHandles;

namespace Loki.Core.Schemas;

/// <summary>
/// The text of a dump whose index came from the cache (<see cref="DumpIndexCache"/>): the file stays open and only the
/// definitions a run asks for are read from it. Each definition read is checked against the hash its index holds
/// (<see cref="DumpIndexFile.Check"/>): a file changed under a running conversion is an error naming it, never a
/// definition read from the wrong bytes. The file's identity is checked once, when it is opened; a check of its times
/// per read (a <c>statx</c> each) would add nothing the hash does not catch.
/// </summary>
/// <remarks>
/// Every definition a run reads is then the one the index was made from, so a run that meets a dump changed elsewhere
/// (in classes it never reads) still converts against the dump as it was when opened.
/// </remarks>
internal sealed class DumpFileText
{
    private readonly SafeFileHandle _handle;
    private readonly int _skipped;

    /// <summary>Holds the open file <paramref name="handle"/> of <paramref name="path"/>, whose JSON starts after <paramref name="skipped"/> bytes (a byte order mark).</summary>
    public DumpFileText(string path, SafeFileHandle handle, int skipped)
    {
        Path = path;
        _handle = handle;
        _skipped = skipped;
    }

    /// <summary>The file's path, as named in diagnostics.</summary>
    public string Path { get; }

    /// <summary>
    /// The whole file (its byte order mark included), read from the open handle, which must still be the file of
    /// <paramref name="identity"/> (else the dump changed under the run: an error naming it).
    /// </summary>
    public byte[] ReadAll(DumpFileIdentity identity)
    {
        if (DumpFileIdentity.Of(_handle) != identity || identity.Size > int.MaxValue)
        {
            throw Changed();
        }

        var bytes = new byte[identity.Size];
        if (ReadAt(bytes, 0) < bytes.Length || DumpFileIdentity.Of(_handle) != identity)
        {
            throw Changed();
        }

        return bytes;
    }

    /// <summary>The <paramref name="length"/> bytes of the JSON at <paramref name="start"/>, which must hash to <paramref name="check"/>.</summary>
    public byte[] Read(int start, int length, uint check)
    {
        var bytes = new byte[length];
        if (ReadAt(bytes, _skipped + (long)start) < length || DumpIndexFile.Check(bytes) != check)
        {
            throw Changed();
        }

        return bytes;
    }

    /// <summary>The error of a dump that changed under the run.</summary>
    public LokiException Changed() => JsonSource.Fail(LokiCodes.SchemaInvalid, "the dump changed while it was in use; run again", Path);

    // Reads into 'bytes' from 'offset' until it is full or the file ends; how many bytes were read.
    private int ReadAt(byte[] bytes, long offset)
    {
        var done = 0;
        try
        {
            while (done < bytes.Length)
            {
                var read = RandomAccess.Read(_handle, bytes.AsSpan(done), offset + done);
                if (read == 0)
                {
                    break;
                }

                done += read;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            throw JsonSource.Fail(LokiCodes.FileUnreadable, "cannot read the file: " + e.Message, Path);
        }

        return done;
    }
}
