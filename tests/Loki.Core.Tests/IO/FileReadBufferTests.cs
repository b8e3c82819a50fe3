using System.Runtime.InteropServices;
using Loki.Core.IO;

namespace Loki.Core.Tests.IO;

/// <summary>
/// <see cref="FileReadBuffer"/>: whole files read into one kept array (a batch thread's inputs, issue 10), each file's
/// bytes exactly, the array grown only for a larger file, and null (the caller's ordinary path) for whatever it cannot read.
/// </summary>
public sealed class FileReadBufferTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("loki-read-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] ArrayOf(ReadOnlyMemory<byte> memory) =>
        MemoryMarshal.TryGetArray(memory, out var segment) ? segment.Array! : throw new InvalidOperationException("not an array");

    [Fact]
    public void Reads_each_file_whole_into_the_same_array_and_grows_it_only_for_a_larger_file()
    {
        var buffer = new FileReadBuffer();
        var large = Write("large.json", 70_000);
        var small = Write("small.json", 5_000);
        var larger = Write("larger.json", 200_000);

        var first = buffer.TryRead(large, long.MaxValue)!.Value;
        Assert.Equal(File.ReadAllBytes(large), first.ToArray());
        var second = buffer.TryRead(small, long.MaxValue)!.Value;
        Assert.Equal(File.ReadAllBytes(small), second.ToArray());
        Assert.Same(ArrayOf(first), ArrayOf(second));

        var third = buffer.TryRead(larger, long.MaxValue)!.Value;
        Assert.Equal(File.ReadAllBytes(larger), third.ToArray());
        Assert.NotSame(ArrayOf(first), ArrayOf(third));
        Assert.Same(ArrayOf(third), ArrayOf(buffer.TryRead(small, long.MaxValue)!.Value));
    }

    [Fact]
    public void An_empty_file_is_empty_and_a_new_array_has_the_files_size()
    {
        var empty = Path.Combine(_dir, "empty.json");
        File.WriteAllBytes(empty, []);
        var file = Write("file.json", 12_345);

        Assert.Equal(0, new FileReadBuffer().TryRead(empty, long.MaxValue)!.Value.Length);
        var fresh = FileReadBuffer.TryReadNew(file, long.MaxValue)!.Value;
        Assert.Equal(File.ReadAllBytes(file), ArrayOf(fresh));
    }

    [Fact]
    public void What_it_cannot_read_whole_is_null_for_the_callers_own_path()
    {
        var buffer = new FileReadBuffer();
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "folder.json")).FullName;
        var file = Write("file.json", 1_000);

        Assert.Null(buffer.TryRead(Path.Combine(_dir, "missing.json"), long.MaxValue));
        Assert.Null(buffer.TryRead(Path.Combine(_dir, "missing", "file.json"), long.MaxValue));
        Assert.Null(buffer.TryRead(folder, long.MaxValue));
        Assert.Null(buffer.TryRead(file, maxBytes: 999));
        Assert.Null(FileReadBuffer.TryReadNew(file, maxBytes: 999));
        Assert.Equal(1_000, buffer.TryRead(file, maxBytes: 1_000)!.Value.Length);
    }

    [Fact]
    public void A_file_that_reports_no_length_is_read_to_its_end()
    {
        // Files under /proc say they are empty and still hold text, as pipes and some mounts do: read until the end.
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var read = new FileReadBuffer().TryRead("/proc/self/status", long.MaxValue)!.Value;

        Assert.StartsWith("Name:", System.Text.Encoding.ASCII.GetString(read.Span));
        Assert.Contains("\nPid:", System.Text.Encoding.ASCII.GetString(read.Span), StringComparison.Ordinal);
        Assert.Null(new FileReadBuffer().TryRead("/proc/self/status", maxBytes: 10));
    }
}
