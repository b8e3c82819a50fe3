using Spectre.Console;

namespace Loki.Cli.Commands;

/// <summary>
/// The live progress bar of a batch, drawn by Spectre.Console on the terminal's stderr and cleared when done. Only
/// touched when stderr is a terminal, so single-file runs and redirected runs never load Spectre.Console.
/// </summary>
internal static class BatchProgress
{
    /// <summary>Runs <paramref name="work"/> on a worker thread, advancing the bar by one each time it calls its step.</summary>
    public static async Task RunAsync(TextWriter terminal, int total, Action<Action> work)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(terminal),
        });
        await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("converting", maxValue: total);
                await Task.Run(() => work(() => task.Increment(1)));
            });
    }
}
