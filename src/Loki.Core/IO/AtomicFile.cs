using System.Globalization;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Loki.Core.IO;

/// <summary>
/// Writes files so that an interrupted process never leaves a torn file behind: the content goes to a
/// temporary file in the same folder, which is then renamed over the target.
/// </summary>
public static class AtomicFile
{
    /// <summary>UTF-8 without a byte order mark, the encoding of every file LOKI writes.</summary>
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="path"/> unless the file already holds exactly
    /// those bytes. Returns true when the file was written.
    /// </summary>
    public static bool WriteIfChanged(string path, string content) => WriteIfChanged(path, Utf8.GetBytes(content));

    /// <summary>Byte form of <see cref="WriteIfChanged(string, string)"/>.</summary>
    public static bool WriteIfChanged(string path, byte[] content) => WriteIfChanged(path, content, flushToDisk: true);

    /// <summary>
    /// As <see cref="WriteIfChanged(string, byte[])"/>; <paramref name="flushToDisk"/> false skips the <c>fsync</c> of the
    /// temporary file (see <see cref="Write(string, byte[], bool)"/>).
    /// </summary>
    public static bool WriteIfChanged(string path, byte[] content, bool flushToDisk) => WriteIfChanged(path, content.AsSpan(), flushToDisk);

    /// <summary>As <see cref="WriteIfChanged(string, byte[], bool)"/>, for bytes held in a buffer that is not an array of their own.</summary>
    public static bool WriteIfChanged(string path, ReadOnlySpan<byte> content, bool flushToDisk)
    {
        // Don't rewrite a file whose content is the same: its timestamp drives incremental builds downstream.
        if (File.Exists(path) && new FileInfo(path).Length == content.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(content))
        {
            return false;
        }

        Write(path, content, flushToDisk);
        return true;
    }

    /// <summary>Writes <paramref name="content"/> atomically, always, and flushes it to disk before the rename.</summary>
    public static void Write(string path, byte[] content) => Write(path, content, flushToDisk: true);

    /// <summary>
    /// Writes <paramref name="content"/> atomically, always. Readers and an interrupted process see the old file or the
    /// whole new one either way; <paramref name="flushToDisk"/> adds the <c>fsync</c> that also keeps the new content
    /// through a power cut. Outputs a command can simply make again (the converted files of <c>loki convert</c>)
    /// skip it: in a batch it was a third of the system time.
    /// </summary>
    public static void Write(string path, byte[] content, bool flushToDisk) => Write(path, content.AsSpan(), flushToDisk);

    /// <summary>As <see cref="Write(string, byte[], bool)"/>, for bytes held in a buffer that is not an array of their own.</summary>
    public static void Write(string path, ReadOnlySpan<byte> content, bool flushToDisk)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;

        // A random suffix from the process's generator (Guid.NewGuid asks the kernel for each one); CreateNew refuses a
        // name that exists, so a leftover temporary file is never written through.
        var temp = Path.Combine(dir, "." + Path.GetFileName(full) + "." + Random.Shared.Next().ToString("x8", CultureInfo.InvariantCulture) + ".tmp");
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        }
        catch (Exception e) when (e is DirectoryNotFoundException or FileNotFoundException)
        {
            // The folder is made only when it is missing: a batch writing many files into one folder asks once. (Open
            // reports a missing folder as a missing file when another thread has made the folder in the meantime.)
            Directory.CreateDirectory(dir);
            handle = File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        }

        var renamed = false;
        try
        {
            // One write call for the whole content, no stream buffer in between.
            using (handle)
            {
                RandomAccess.Write(handle, content, 0);
                if (flushToDisk)
                {
                    RandomAccess.FlushToDisk(handle);
                }
            }

            FileRename.Replace(temp, full);
            renamed = true;
        }
        finally
        {
            if (!renamed)
            {
                File.Delete(temp);
            }
        }
    }
}
