using Loki.Core.Diagnostics;
using Loki.Tests;

namespace Loki.Cli.Tests;

/// <summary>The CLI over every file of the shared corpus: a result or a coded error, never an internal error.</summary>
public sealed class CorpusCliTests
{
    [CorpusFact]
    public async Task InspectAndConvert_EveryCorpusFile_ReadOrRejectedWithACode()
    {
        var corpus = RepoPaths.Corpus!;
        var problems = new List<string>();
        var files = Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".png", StringComparison.Ordinal) || f.EndsWith(".webp", StringComparison.Ordinal))
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "schemas" + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !f.EndsWith("index.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var file in files)
        {
            foreach (var args in new[] { new[] { "inspect", file, "--json" }, ["convert", file, "--to", "ui"] })
            {
                var run = await CliRun.InProcessAsync(args);
                var coded = run.ExitCode == 0 || (run.ExitCode is 1 or 2 && run.Codes.Count > 0);
                if (!coded || run.Codes.Contains(LokiCodes.InternalError))
                {
                    problems.Add($"{args[0]} {Path.GetRelativePath(corpus, file)}: exit {run.ExitCode}: {run.Stderr.Split('\n')[0]}");
                }
            }
        }

        Assert.True(files.Count > 1000, $"only {files.Count} corpus files");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
    }

    /// <summary>
    /// <c>--to api</c> to stdout and to a file take two writers (text and UTF-8 bytes); both must give the same prompt,
    /// byte for byte, over every frontend-made pair (the stdout path once built the JsonObject tree the file path skips).
    /// </summary>
    [CorpusFact]
    public async Task ConvertToApi_StdoutAndFile_AreTheSameBytes()
    {
        var pairs = Path.Combine(RepoPaths.Corpus!, "frontend-pairs");
        using var dir = new TempDir();
        var differ = new List<string>();
        var files = Directory.GetFiles(pairs, "*.workflow.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            var toStdout = await CliRun.InProcessAsync("convert", file, "--to", "api");
            var toFile = await CliRun.InProcessAsync("convert", file, "--to", "api", "-o", dir.File("out.json"));
            if (toStdout.ExitCode != toFile.ExitCode || (toFile.ExitCode == 0 && toStdout.Stdout != File.ReadAllText(dir.File("out.json"))))
            {
                differ.Add(Path.GetRelativePath(pairs, file));
            }
        }

        Assert.Equal(249, files.Count);
        Assert.True(differ.Count == 0, string.Join("\n", differ.Take(20)));
    }
}
