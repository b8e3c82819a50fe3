using Loki.Core.IO;

namespace Loki.Core.Tests.IO;

/// <summary>
/// <see cref="AtomicFile"/>: a temporary file renamed over the target, made with as few calls as a batch can afford
/// (issue 10), and still: folders made when missing, nothing left behind, the old file kept when the write fails.
/// </summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("loki-atomic-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Writes_into_folders_it_makes_and_leaves_no_temporary_file(bool flushToDisk)
    {
        var path = Path.Combine(_dir, "a", "b", "out.json");

        AtomicFile.Write(path, "{\"x\": 1}"u8.ToArray(), flushToDisk);
        AtomicFile.Write(Path.Combine(_dir, "a", "b", "second.json"), [1, 2, 3], flushToDisk);

        Assert.Equal("{\"x\": 1}", File.ReadAllText(path));
        Assert.Equal(["out.json", "second.json"], Directory.GetFiles(Path.Combine(_dir, "a", "b")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Threads_writing_into_the_same_missing_folders_all_succeed()
    {
        // A batch on every core: the first write into a folder makes it while the others find it missing, or made
        // between their failed open and the look at why it failed (reported then as a missing file).
        const int Threads = 4;
        using var start = new Barrier(Threads);
        var failures = new System.Collections.Concurrent.ConcurrentBag<Exception>();
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            for (var round = 0; round < 300; round++)
            {
                start.SignalAndWait();
                try
                {
                    AtomicFile.Write(Path.Combine(_dir, $"r{round}", "a", "b", $"{t}.json"), [(byte)t], flushToDisk: false);
                }
                catch (IOException e)
                {
                    failures.Add(e);
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Empty(failures);
        Assert.Equal(300 * Threads, Directory.GetFiles(_dir, "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void Replaces_an_existing_file_whole()
    {
        var path = Path.Combine(_dir, "out.json");
        File.WriteAllText(path, new string('x', 10_000));

        AtomicFile.Write(path, "short"u8.ToArray(), flushToDisk: false);

        Assert.Equal("short", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_dir));
    }

    [Fact]
    public void A_write_that_cannot_be_renamed_into_place_throws_and_removes_its_temporary_file()
    {
        var path = Path.Combine(_dir, "taken");
        Directory.CreateDirectory(Path.Combine(path, "inside"));

        Assert.ThrowsAny<IOException>(() => AtomicFile.Write(path, [1], flushToDisk: false));

        Assert.Equal([path], Directory.GetFileSystemEntries(_dir));
        Assert.True(Directory.Exists(Path.Combine(path, "inside")));
    }

    [Fact]
    public void WriteIfChanged_leaves_a_file_with_the_same_bytes_untouched()
    {
        var path = Path.Combine(_dir, "same.json");
        AtomicFile.Write(path, [1, 2, 3], flushToDisk: false);
        var written = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, written);

        Assert.False(AtomicFile.WriteIfChanged(path, [1, 2, 3], flushToDisk: false));
        Assert.Equal(written, File.GetLastWriteTimeUtc(path));
        Assert.True(AtomicFile.WriteIfChanged(path, [1, 2, 4], flushToDisk: false));
        Assert.Equal([1, 2, 4], File.ReadAllBytes(path));
    }
}
