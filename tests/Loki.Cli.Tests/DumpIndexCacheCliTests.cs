using Loki.Tests;

namespace Loki.Cli.Tests;

/// <summary>
/// <c>loki convert --schemas</c> keeps each dump's index in the per-user cache (here the test run's own folder,
/// <see cref="TestDumpIndexCache"/>): the run that fills it and every run that finds it there give the same prompt
/// and diagnostics, in this process and in a separate <c>loki</c>.
/// </summary>
public sealed class DumpIndexCacheCliTests
{
    private const string Workflow = "frontend-pairs/Comfy-Org__workflow_templates@Joshua-Chin-fork/templates/audio_stable_audio_example.json.workflow.json";

    [CorpusFact]
    public async Task A_dump_converts_the_same_before_and_after_its_index_is_cached()
    {
        var dump = Path.Combine(RepoPaths.Corpus!, "schemas", "object_info_dumps", "offflinerpsy__orchestrator-v3", "object_info.json");
        var input = Path.Combine(RepoPaths.Corpus!, Workflow);
        var folder = Path.Combine(Environment.GetEnvironmentVariable("LOKI_CACHE_DIR")!, "object-info");

        var first = await CliRun.InProcessAsync("convert", input, "--to", "api", "--schemas", dump);
        var indexes = Directory.EnumerateFiles(folder, "*.idx").ToList();
        var second = await CliRun.InProcessAsync("convert", input, "--to", "api", "--schemas", dump);
        var separate = await CliRun.ProcessAsync("convert", input, "--to", "api", "--schemas", dump);

        Assert.Equal(0, first.ExitCode);
        Assert.NotEmpty(indexes);
        Assert.All(indexes, i => Assert.True(new FileInfo(i).Length > 0));
        Assert.Equal((first.ExitCode, first.Stdout, first.Stderr), (second.ExitCode, second.Stdout, second.Stderr));
        Assert.Equal((first.ExitCode, first.Stdout, first.Stderr), (separate.ExitCode, separate.Stdout, separate.Stderr));
    }

    [Fact]
    public void The_tests_never_use_the_users_cache()
    {
        var folder = Environment.GetEnvironmentVariable("LOKI_CACHE_DIR");

        Assert.NotNull(folder);
        Assert.StartsWith(Path.GetFullPath(Path.GetTempPath()), Path.GetFullPath(folder), StringComparison.Ordinal);
        Assert.Equal(Path.Combine(folder, "object-info"), Loki.Core.Schemas.DumpIndexCache.ForUser()!.Directory);
    }
}
