namespace Loki.Cli.Commands;

/// <summary>What the CLI knows about where it writes: progress bars only go to a terminal.</summary>
/// <param name="ProgressOnStderr">True when stderr is a terminal (not redirected), so a live progress bar may be drawn there.</param>
public sealed record CliConsole(bool ProgressOnStderr)
{
    /// <summary>Output redirected or captured: no live display.</summary>
    public static CliConsole Redirected { get; } = new(false);

    /// <summary>The process's own console.</summary>
    public static CliConsole Process => new(!Console.IsErrorRedirected && Environment.GetEnvironmentVariable("TERM") is not "dumb");
}
