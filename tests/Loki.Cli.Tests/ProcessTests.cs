using Loki.Core.Diagnostics;

namespace Loki.Cli.Tests;

/// <summary>The CLI as a real process: exit codes and streams as a shell sees them.</summary>
public sealed class ProcessTests
{
    [Fact]
    public async Task RealProcess_ConvertsAndReportsBadInputWithoutAStackTrace()
    {
        using var dir = new TempDir();
        var good = dir.Write("w.json", Workflows.Chain);
        var bad = dir.Write("bad.json", Workflows.Chain[..100]);

        var ok = await CliRun.ProcessAsync("convert", good, "--to", "api", "-o", dir.File("p.json"));
        var failed = await CliRun.ProcessAsync("convert", bad, "--to", "api");
        var usage = await CliRun.ProcessAsync("convert", good);

        Assert.True(ok.ExitCode == 0, ok.Stderr);
        Assert.True(File.Exists(dir.File("p.json")));
        failed.AssertError(LokiCodes.WorkflowInvalidJson, 2, bad);
        Assert.Equal(string.Empty, failed.Stdout);
        usage.AssertError(LokiCodes.BadUsage, 2);
    }
}
