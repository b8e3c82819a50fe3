using System.Runtime.InteropServices;
using Loki.Core.IO;
using Microsoft.Win32.SafeHandles;

namespace Loki.Core.Schemas;

/// <summary>
/// A file of the dump index cache (a cached index, a dump whose index it holds) opened with <c>open(2)</c> and read
/// with <c>pread(2)</c> directly. A warm <c>--schemas</c> run makes a few small reads of two files; through
/// <c>File.OpenHandle</c> and <c>RandomAccess</c> each open cost ~20,000 instructions (path checks, an extra
/// <c>fstat</c>, the handle's file-type probe) and a missing index file had to be asked for first (a thrown exception
/// costs a short run dearly): the fixed cost that kept a warm run above the catalogue alone (issue 10). Linux only, as
/// <see cref="DumpFileIdentity"/> is: elsewhere nothing is cached and this is never opened.
/// </summary>
/// <remarks>A safe handle, so a read racing a finalizer or a second thread never reads a closed or reused descriptor.</remarks>
internal sealed partial class ReadOnlyFile : SafeHandleMinusOneIsInvalid
{
    private const int ReadOnlyCloseOnExec = 0x80000; // O_RDONLY | O_CLOEXEC (the same on every Linux architecture .NET runs on)
    private const int Interrupted = 4; // EINTR

    private ReadOnlyFile()
        : base(ownsHandle: true)
    {
    }

    /// <summary>The file at <paramref name="path"/> opened for reading, or null where it cannot be (missing, not allowed, not Linux).</summary>
    public static ReadOnlyFile? Open(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        int descriptor;
        do
        {
            descriptor = OpenFile(path, ReadOnlyCloseOnExec);
        }
        while (descriptor < 0 && Marshal.GetLastPInvokeError() == Interrupted);

        if (descriptor < 0)
        {
            return null;
        }

        var file = new ReadOnlyFile();
        file.SetHandle(descriptor);
        return file;
    }

    /// <summary>Reads into <paramref name="into"/> from <paramref name="offset"/> until it is full or the file ends: how many bytes were read.</summary>
    /// <exception cref="IOException">The read failed (the message names the error number).</exception>
    /// <exception cref="ObjectDisposedException">The file was closed.</exception>
    public int Read(Span<byte> into, long offset)
    {
        var added = false;
        try
        {
            DangerousAddRef(ref added);
            var descriptor = (int)handle;
            var done = 0;
            while (done < into.Length)
            {
                var read = PRead(descriptor, ref into[done], into.Length - done, offset + done);
                if (read == 0)
                {
                    break;
                }

                if (read < 0)
                {
                    var error = Marshal.GetLastPInvokeError();
                    if (error == Interrupted)
                    {
                        continue;
                    }

                    throw new IOException($"pread failed (errno {error})");
                }

                done += (int)read;
            }

            return done;
        }
        finally
        {
            if (added)
            {
                DangerousRelease();
            }
        }
    }

    /// <inheritdoc/>
    protected override bool ReleaseHandle() => Close((int)handle) == 0;

    [LibraryImport(NativeLibraries.LibC, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenFile(string path, int flags);

    [LibraryImport(NativeLibraries.LibC, EntryPoint = "pread", SetLastError = true)]
    private static partial nint PRead(int descriptor, ref byte buffer, nint count, long offset);

    [LibraryImport(NativeLibraries.LibC, EntryPoint = "close")]
    private static partial int Close(int descriptor);
}
