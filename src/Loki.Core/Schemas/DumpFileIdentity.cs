using System.Runtime.InteropServices;
using Loki.Core.IO;

namespace Loki.Core.Schemas;

/// <summary>
/// What tells, without reading a dump file, that it still holds the bytes it held when its index was cached: its
/// device and inode, its size, and its modification and status-change times to the nanosecond (Linux <c>statx(2)</c>;
/// the check a build system makes). The change time cannot be set by a user and moves with every write, so an edit
/// that keeps the size and puts the modification time back still shows. Null where it cannot be had (not Linux, no
/// <c>statx</c>, not a regular file): the dump is then read and indexed every time, as without a cache.
/// </summary>
/// <param name="Device">The device (major, minor) the file is on.</param>
/// <param name="Inode">The inode number.</param>
/// <param name="Size">The size in bytes.</param>
/// <param name="ModifiedNs">The modification time, nanoseconds since 1970.</param>
/// <param name="ChangedNs">The status-change time, nanoseconds since 1970.</param>
internal readonly partial record struct DumpFileIdentity(ulong Device, ulong Inode, long Size, long ModifiedNs, long ChangedNs)
{
    private const int AtFdCwd = -100;
    private const int AtEmptyPath = 0x1000;
    private const uint Wanted = 0x1 /* type */ | 0x40 /* mtime */ | 0x80 /* ctime */ | 0x100 /* ino */ | 0x200 /* size */;
    private const int StatxBytes = 256;

    /// <summary>The later of the two times: when the file last changed in any way.</summary>
    public long LastChangeNs => Math.Max(ModifiedNs, ChangedNs);

    /// <summary>The identity of the file at <paramref name="path"/> (links followed), or null.</summary>
    public static DumpFileIdentity? Of(string path) => Stat(AtFdCwd, path, 0);

    /// <summary>The identity of the open file <paramref name="handle"/> (a file descriptor), or null.</summary>
    public static DumpFileIdentity? Of(SafeHandle handle)
    {
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return Stat((int)handle.DangerousGetHandle(), string.Empty, AtEmptyPath);
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    private static DumpFileIdentity? Stat(int directory, string path, int flags)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        Span<byte> buffer = stackalloc byte[StatxBytes];
        try
        {
            if (Statx(directory, path, flags, Wanted, ref MemoryMarshal.GetReference(buffer)) != 0)
            {
                return null;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }

        // struct statx (linux/stat.h), the same on every architecture.
        var mask = MemoryMarshal.Read<uint>(buffer);
        var mode = MemoryMarshal.Read<ushort>(buffer[28..]);
        if ((mask & Wanted) != Wanted || (mode & 0xF000) != 0x8000)
        {
            return null;
        }

        var device = ((ulong)MemoryMarshal.Read<uint>(buffer[136..]) << 32) | MemoryMarshal.Read<uint>(buffer[140..]);
        return new DumpFileIdentity(device, MemoryMarshal.Read<ulong>(buffer[32..]), MemoryMarshal.Read<long>(buffer[40..]), Time(buffer[112..]), Time(buffer[96..]));
    }

    private static long Time(ReadOnlySpan<byte> timestamp) => (MemoryMarshal.Read<long>(timestamp) * 1_000_000_000L) + MemoryMarshal.Read<uint>(timestamp[8..]);

    [LibraryImport(NativeLibraries.LibC, EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, ref byte buffer);
}
