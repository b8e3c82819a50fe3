using System.Runtime.InteropServices;

namespace Loki.Core.IO;

/// <summary>
/// Renames a file over another in one system call. <see cref="File.Move(string, string, bool)"/> looks at the source
/// first (an <c>lstat</c>, one more walk of a long path for every file a batch writes); where the C library has
/// <c>rename(2)</c> (every Unix) it is called directly, elsewhere File.Move does the work.
/// </summary>
internal static partial class FileRename
{
    private const int EPERM = 1;
    private const int EACCES = 13;

    /// <summary>Moves <paramref name="source"/> onto <paramref name="target"/>, replacing a file there, atomically.</summary>
    public static void Replace(string source, string target)
    {
        if (OperatingSystem.IsWindows())
        {
            File.Move(source, target, overwrite: true);
            return;
        }

        if (Rename(source, target) == 0)
        {
            return;
        }

        var errno = Marshal.GetLastPInvokeError();
        var message = $"{Marshal.GetPInvokeErrorMessage(errno)}: '{target}'";
        throw errno is EPERM or EACCES ? new UnauthorizedAccessException(message) : new IOException(message, errno);
    }

    [LibraryImport(NativeLibraries.LibC, EntryPoint = "rename", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Rename(string source, string target);
}
