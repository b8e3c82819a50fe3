using Loki.Core.Diagnostics;
using Loki.Core.Workflows;
using Microsoft.Win32.SafeHandles;

namespace Loki.Core.Schemas;

/// <summary>
/// The text of a dump whose index came from the cache (<see cref="DumpIndexCache"/>): the file stays open and only the
/// definitions a run asks for are read from it. Each read checks that the open file is still the one the index was
/// made from; a file changed under a running conversion is an error naming it, never a definition read from the wrong
/// bytes.
/// </summary>
internal sealed class DumpFileText
{
    private readonly SafeFileHandle _handle;
    private readonly DumpFileIdentity _identity;
    private readonly int _skipped;

    /// <summary>Holds the open file <paramref name="handle"/> of <paramref name="path"/>, whose JSON starts after <paramref name="skipped"/> bytes (a byte order mark).</summary>
    public DumpFileText(string path, SafeFileHandle handle, DumpFileIdentity identity, int skipped)
    {
        Path = path;
        _handle = handle;
        _identity = identity;
        _skipped = skipped;
    }

    /// <summary>The file's path, as named in diagnostics.</summary>
    public string Path { get; }

    /// <summary>The <paramref name="length"/> bytes of the JSON at <paramref name="start"/>.</summary>
    public byte[] Read(int start, int length)
    {
        var bytes = new byte[length];
        var done = 0;
        try
        {
            while (done < length)
            {
                var read = RandomAccess.Read(_handle, bytes.AsSpan(done), _skipped + (long)start + done);
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

        if (done < length || DumpFileIdentity.Of(_handle) != _identity)
        {
            throw JsonSource.Fail(LokiCodes.SchemaInvalid, "the dump changed while it was in use; run again", Path);
        }

        return bytes;
    }
}
