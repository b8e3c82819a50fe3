using Loki.Tests;

namespace Loki.Cli.Tests;

/// <summary>
/// A batch converts each file exactly as converting it alone does: the same output bytes, the same diagnostics, failed
/// where it fails alone. A batch's converting thread reads its inputs one after another into one buffer and hands the
/// results to a writer thread (issue 10), so a file's result must never depend on the files before it.
/// </summary>
public sealed class BatchSameAsSingleTests
{
    [CorpusFact]
    public async Task CorpusFolder_AsOneBatch_GivesEachFileItsOwnConversion()
    {
        // 31 files, converted and failed, from a few KB to the 976-node workflow (800 KB): the buffer grows and is reused.
        var folder = Path.Combine(RepoPaths.Corpus!, "workflows", "wyrde__wyrde-comfyui-workflows");
        var inputs = Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        using var dir = new TempDir();

        var batch = await CliRun.InProcessAsync("convert", folder, "--to", "api", "-o", dir.File("out"));

        var batchLines = batch.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var (converted, failed) = (0, 0);
        foreach (var input in inputs)
        {
            var alone = await CliRun.InProcessAsync("convert", input, "--to", "api");
            var output = Path.Combine(dir.File("out"), Path.GetRelativePath(folder, input));
            if (alone.ExitCode == 0)
            {
                converted++;
                Assert.Equal(alone.Stdout, File.ReadAllText(output));
            }
            else
            {
                failed++;
                Assert.False(File.Exists(output), $"{output} was written for a file that fails alone");
            }

            Assert.Equal(alone.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), batchLines.Where(l => l.StartsWith(input + ":", StringComparison.Ordinal)));
        }

        Assert.True(converted > 5 && failed > 5, $"{converted} converted, {failed} failed: the folder should hold both");
        Assert.Equal(1, batch.ExitCode);
        Assert.StartsWith($"convert: {converted} of {inputs.Count} files to api", batch.Stdout, StringComparison.Ordinal);
    }
}
