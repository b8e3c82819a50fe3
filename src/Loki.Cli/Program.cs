using Loki.Cli;
using Loki.Cli.Commands;

return await CliApp.RunAsync(args, Console.Out, Console.Error, CliConsole.Process);
