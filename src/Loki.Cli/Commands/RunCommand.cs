using System.Collections.Immutable;
using System.CommandLine;
using Loki.Core.Diagnostics;
using Loki.Core.Dispatch;
using Loki.Core.Requirements;

namespace Loki.Cli.Commands;

/// <summary>
/// <c>loki run JOBS [--csv FILE] [--workers N | --scheduler URL] [--backend loki|comfyui|server] [--comfyui PATH]...
/// [--server URL]... [--report FILE] [--output DIR] [--events FILE] [--resources NAME=AMOUNT]... [--python PYTHON]</c>:
/// many flow jobs on a Dask cluster. The options are checked here (<see cref="DispatchArguments"/>); the jobs run in
/// <c>python3 -m loki_runtime.dispatch</c>, whose output and exit code (0, 1 a job failed, 2 a bad jobs file) are this
/// command's. docs/dispatcher.md.
/// </summary>
internal sealed class RunCommand : Command
{
    private readonly CliConsole _console;
    private readonly Argument<string> _jobs = CliOptions.Path("JOBS", "a JSONL file of {\"flow\": PATH, \"inputs\": {...}} lines, or with --csv the flow every row runs");
    private readonly Option<string> _csv = CliOptions.Paths(new Option<string>("--csv") { Description = "one job per row of this CSV (the header names the flow's inputs)", HelpName = "FILE" });
    private readonly Option<int?> _workers = new("--workers") { Description = "workers of the embedded LocalCluster (default: the CPU count, at most 4)", HelpName = "N" };
    private readonly Option<string> _scheduler = new("--scheduler") { Description = "a running Dask scheduler instead of the local cluster", HelpName = "URL" };
    private readonly Option<string> _backend = new("--backend") { Description = "where workers run flows (default: each flow's own)" };
    private readonly Option<string[]> _comfyui = CliOptions.Paths(new Option<string[]>("--comfyui") { Description = "ComfyUI folder for --backend comfyui; repeat: one per local worker", HelpName = "PATH", Arity = ArgumentArity.ZeroOrMore });
    private readonly Option<string[]> _server = new("--server") { Description = "ComfyUI server for --backend server; repeat: one per worker", HelpName = "URL", Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<string> _report = CliOptions.Paths(new Option<string>("--report") { Description = "the JSON report (default: standard output)", HelpName = "FILE" });
    private readonly Option<string> _output = CliOptions.Paths(new Option<string>("--output") { Description = "each job's files go to DIR/<job id>/ (default: loki-run)", HelpName = "DIR" });
    private readonly Option<string> _events = CliOptions.Paths(new Option<string>("--events") { Description = "append the run's events as JSON lines", HelpName = "FILE" });
    private readonly Option<string[]> _resources = new("--resources") { Description = "resources each local worker declares (default: GPU=1 with CUDA)", HelpName = "NAME=AMOUNT", Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<string> _python = new("--python") { Description = "the interpreter with Dask distributed (default: $LOKI_PYTHON or /usr/bin/python3)", HelpName = "PYTHON" };

    public RunCommand(CliConsole console)
        : base("run", "run many flow jobs across ComfyUI backends on a Dask cluster (local or remote)")
    {
        _console = console;
        _backend.AcceptOnlyFromAmong("loki", "comfyui", "server");
        Add(_jobs);
        Add(_csv);
        Add(_workers);
        Add(_scheduler);
        Add(_backend);
        Add(_comfyui);
        Add(_server);
        Add(_report);
        Add(_output);
        Add(_events);
        Add(_resources);
        Add(_python);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancel)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        var request = new DispatchRequest(
            parse.GetValue(_jobs)!, parse.GetValue(_csv), parse.GetValue(_workers), parse.GetValue(_scheduler), parse.GetValue(_backend),
            [.. parse.GetValue(_comfyui) ?? []], [.. parse.GetValue(_server) ?? []], parse.GetValue(_report), parse.GetValue(_output),
            parse.GetValue(_events), [.. parse.GetValue(_resources) ?? []], _console.ProgressOnStderr);
        var problems = DispatchArguments.Check(request);
        foreach (var problem in problems)
        {
            await stderr.WriteLineAsync(problem.ToString());
        }

        if (problems.Count > 0)
        {
            return CliApp.BadUsage;
        }

        if (StandaloneSupport.RuntimeSource() is not { } runtime)
        {
            throw new LokiException(new LokiDiagnostic(LokiCodes.DispatchRuntimeNotFound, DiagnosticSeverity.Error, "loki run needs the Python runtime: none ships with this command line and no src/python/loki_runtime is above the current folder"));
        }

        var python = parse.GetValue(_python) ?? PythonProcess.DefaultInterpreter;
        return await PythonRelay.RunAsync(python, DispatchArguments.For(request), Path.GetDirectoryName(runtime)!, stdout, stderr, cancel);
    }
}
