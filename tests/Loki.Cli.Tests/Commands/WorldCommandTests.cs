using Loki.Core.Media;
using Loki.Tests;

namespace Loki.Cli.Tests.Commands;

/// <summary><c>loki world</c>: writes the World's PNG with the workflow inside; bad output names and libraries are coded errors.</summary>
public sealed class WorldCommandTests
{
    [Fact]
    public async Task World_writes_a_png_whose_embedded_workflow_holds_every_library_node()
    {
        using var dir = new TempDir();
        var output = dir.File("world.png");
        var result = await CliRun.InProcessAsync("world", "--library", RepoPaths.InRepo("nodes"), "--metadata", RepoPaths.InRepo("pack.json"), "-o", output);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("world: ", result.Stdout, StringComparison.Ordinal);
        var metadata = MediaMetadataReader.Read(output);
        Assert.NotNull(metadata.Workflow);
        Assert.NotNull(metadata.Prompt);
        foreach (var folder in Directory.GetDirectories(RepoPaths.InRepo("nodes")).Where(d => File.Exists(Path.Combine(d, Path.GetFileName(d) + ".json"))))
        {
            Assert.Contains("\"Loki" + Loki.Core.Naming.NodeNames.ToPascal(Path.GetFileName(folder)) + "\"", metadata.Workflow, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_non_png_output_is_a_usage_error()
    {
        using var dir = new TempDir();
        var result = await CliRun.InProcessAsync("world", "--library", RepoPaths.InRepo("nodes"), "-o", dir.File("world.json"));
        result.AssertError("LOKI8003", 2, "world.json");
        Assert.False(File.Exists(dir.File("world.json")));
    }

    [Fact]
    public async Task A_missing_or_empty_library_is_reported_and_nothing_is_written()
    {
        using var dir = new TempDir();
        var missing = await CliRun.InProcessAsync("world", "--library", dir.File("nowhere"), "-o", dir.File("w.png"));
        missing.AssertError("LOKI0001", 2, "nowhere");
        Directory.CreateDirectory(dir.File("empty"));
        var empty = await CliRun.InProcessAsync("world", "--library", dir.File("empty"), "-o", dir.File("w.png"));
        empty.AssertError("LOKI8000", 1, "empty");
        Assert.False(File.Exists(dir.File("w.png")));
    }
}
