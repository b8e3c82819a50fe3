using Loki.Core.Schemas;

namespace Loki.Core.Tests.Schemas;

/// <summary>
/// <see cref="ReadOnlyFile"/>, the dump index cache's reader (<c>open</c>/<c>pread</c> directly): a file that is not
/// there is no exception but null (a dump's first run asks for an index that does not exist yet), reads stop at the end
/// of the file, and a read that fails or comes after the close throws what the cache's callers catch.
/// </summary>
public sealed class ReadOnlyFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("loki-readonlyfile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_missing_file_opens_as_null()
    {
        Assert.Null(ReadOnlyFile.Open(Path.Combine(_dir, "missing.idx")));
        Assert.Null(ReadOnlyFile.Open(Path.Combine(_dir, "no-folder", "missing.idx")));
    }

    [Fact]
    public void Reads_fill_the_buffer_from_the_offset_and_stop_at_the_end_of_the_file()
    {
        var path = Path.Combine(_dir, "f.bin");
        File.WriteAllBytes(path, [.. Enumerable.Range(0, 100).Select(i => (byte)i)]);
        using var file = ReadOnlyFile.Open(path)!;

        var buffer = new byte[10];
        Assert.Equal(10, file.Read(buffer, 40));
        Assert.Equal(Enumerable.Range(40, 10).Select(i => (byte)i), buffer);
        Assert.Equal(5, file.Read(buffer, 95));
        Assert.Equal(Enumerable.Range(95, 5).Select(i => (byte)i), buffer.Take(5));
        Assert.Equal(0, file.Read(buffer, 200));
    }

    [Fact]
    public void A_failed_read_is_an_IOException_and_a_read_after_the_close_an_ObjectDisposedException()
    {
        using (var folder = ReadOnlyFile.Open(_dir)!)
        {
            Assert.Throws<IOException>(() => folder.Read(new byte[8], 0)); // a folder opens, and reading it fails (EISDIR)
        }

        var path = Path.Combine(_dir, "f.bin");
        File.WriteAllBytes(path, [1, 2, 3]);
        var file = ReadOnlyFile.Open(path)!;
        file.Dispose();
        Assert.Throws<ObjectDisposedException>(() => file.Read(new byte[3], 0));
    }
}
