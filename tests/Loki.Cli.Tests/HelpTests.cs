using Loki.Cli.Commands;

namespace Loki.Cli.Tests;

/// <summary>The usage text System.CommandLine builds from the registered commands.</summary>
public sealed class HelpTests
{
    private static readonly string[] Commands =
        ["new", "import", "convert", "inspect", "node-to-flow", "pack", "verify", "wrap", "import-node", "script-to-node", "node-to-script", "schemas", "split", "run"];

    [Fact]
    public async Task Help_ListsEveryCommandOnce()
    {
        var run = await CliRun.InProcessAsync("--help");

        Assert.Equal(0, run.ExitCode);
        var listed = run.Stdout.Split('\n').Select(l => l.Trim().Split(' ')[0]).Where(Commands.Contains).ToList();
        Assert.Equal(Commands.Order(), listed.Order());
    }

    [Fact]
    public async Task Help_ListsEachRegisteredCommandExactlyOnce()
    {
        // The hand-written usage this replaced listed `convert` twice (issue 10).
        var names = new LokiRootCommand(CliConsole.Redirected).Subcommands.Select(c => c.Name).ToList();
        var run = await CliRun.InProcessAsync("--help");

        var commandLines = run.Stdout.Split('\n').SkipWhile(l => !l.StartsWith("Commands:", StringComparison.Ordinal)).Skip(1)
            .Where(l => l.StartsWith("  ", StringComparison.Ordinal)).Select(l => l.Trim().Split(' ')[0]).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), commandLines.Order(StringComparer.Ordinal));
        Assert.Contains("convert", names);
        Assert.Single(run.Stdout.Split('\n'), l => l.TrimStart().StartsWith("convert ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoArguments_ShowsUsageAndExitsTwo()
    {
        var run = await CliRun.InProcessAsync();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("convert", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wrap")]
    [InlineData("pack")]
    [InlineData("schemas extract")]
    [InlineData("split")]
    [InlineData("run")]
    public async Task CommandHelp_ExitsZero(string command)
    {
        var run = await CliRun.InProcessAsync([.. command.Split(' '), "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParseErrors_AreCodedOneLiners()
    {
        var run = await CliRun.InProcessAsync("convert", "w.json", "--to", "api", "--seed", "x");

        run.AssertError(Loki.Core.Diagnostics.LokiCodes.BadUsage, 2);
        Assert.Contains("--seed needs a whole number, got 'x'", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("run 'loki convert --help'", run.Stderr, StringComparison.Ordinal);
    }
}
