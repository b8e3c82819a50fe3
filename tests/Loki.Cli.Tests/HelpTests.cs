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
    public void EachRegisteredCommand_IsMadeUnderItsName()
    {
        foreach (var (name, make) in LokiRootCommand.Commands)
        {
            Assert.Equal(name, make(CliConsole.Redirected).Name);
        }

        Assert.Equal(LokiRootCommand.Commands.Select(c => c.Name), new LokiRootCommand(CliConsole.Redirected).Subcommands.Select(c => c.Name));
        Assert.Equal(["convert"], new LokiRootCommand(CliConsole.Redirected, "convert").Subcommands.Select(c => c.Name));
        Assert.Equal(LokiRootCommand.Commands.Count, new LokiRootCommand(CliConsole.Redirected, "--help").Subcommands.Count);
        Assert.Equal(LokiRootCommand.Commands.Count, new LokiRootCommand(CliConsole.Redirected, "conver").Subcommands.Count);
    }

    [Theory]
    [InlineData("convert --help")]
    [InlineData("convert")]
    [InlineData("convert a.json --to xml")]
    [InlineData("convert a.json b.json --to api --bogus")]
    [InlineData("inspect --help")]
    [InlineData("schemas extract --help")]
    [InlineData("run --help")]
    [InlineData("split")]
    public async Task TheRootBuiltForOneCommand_ParsesAndHelpsAsTheWholeRoot(string line)
    {
        var args = line.Split(' ');

        Assert.Equal(await Invoke(new LokiRootCommand(CliConsole.Redirected), args), await Invoke(new LokiRootCommand(CliConsole.Redirected, args[0]), args));
    }

    [Theory]
    [InlineData("convert a.json --to api -o out", true)]
    [InlineData("convert /home/user/a.json /hx.json --to ui", true)]
    [InlineData("convert a.json --to xml", true)]
    [InlineData("convert a.json b.json --to api --bogus", true)]
    [InlineData("convert a.json --to api --seed x", true)]
    [InlineData("convert", true)]
    [InlineData("inspect a.json --format yaml", true)]
    [InlineData("split", true)]
    [InlineData("convert a.json --help", false)]
    [InlineData("convert a.json -h", false)]
    [InlineData("convert a.json /?", false)]
    [InlineData("convert a.json -?", false)]
    [InlineData("convert a.json --help:x", false)]
    [InlineData("convert a.json -oh", false)]
    [InlineData("convert --version", false)]
    [InlineData("convert [diagram] a.json", false)]
    [InlineData("convert @args.rsp", false)]
    [InlineData("conver a.json", false)]
    [InlineData("--version", false)]
    public async Task ThePlainRoot_ParsesAsTheWholeRoot_AndIsUsedOnlyWhereNoTokenNeedsTheRoot(string line, bool plain)
    {
        var args = line.Split(' ');
        var root = VerbRoot.For(CliConsole.Redirected, args);

        Assert.Equal(plain, root is VerbRoot);
        Assert.Equal(await Invoke(new LokiRootCommand(CliConsole.Redirected), args), await Invoke(root, args));
    }

    private static async Task<string> Invoke(System.CommandLine.Command root, string[] args)
    {
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is not System.CommandLine.Help.HelpAction)
        {
            return "errors: " + string.Join(" | ", parsed.Errors.Select(e => e.Message));
        }

        using var output = new StringWriter();
        await parsed.InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = output });
        return output.ToString();
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
