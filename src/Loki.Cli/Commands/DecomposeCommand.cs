using System.CommandLine;
using Loki.Core.Diagnostics;
using Loki.Core.Python.Decomposition;

namespace Loki.Cli.Commands;

/// <summary>
/// <c>loki decompose FILE.py:FUNCTION --into nodes/ [--min-lines N] [--depth D] [--trials N] [--check] [--no-check] [--no-build] [--force]</c>:
/// a plain Python function → a library of step nodes and the composite node named after the function, proven equal
/// to the original on generated inputs before anything is written. <c>--check</c> only re-proves what is there.
/// </summary>
internal sealed class DecomposeCommand : Command
{
    private readonly Argument<string> _target = CliOptions.Path("FILE.py:FUNCTION", "the plain Python function to decompose");
    private readonly Option<string> _into = CliOptions.Paths(new Option<string>("--into") { Description = "the library folder the node folders go in", HelpName = "nodes/", Required = true });
    private readonly Option<int?> _minLines = new("--min-lines") { Description = "merge steps shorter than this many lines (default: 3, or less when that leaves one step)" };
    private readonly Option<int> _depth = new("--depth") { Description = "levels of cutting (2: big steps are cut again, and calls into the module's own functions decomposed in turn)", DefaultValueFactory = _ => 2 };
    private readonly Option<int> _trials = new("--trials") { Description = "generated input sets of the equivalence check", DefaultValueFactory = _ => 24 };
    private readonly Option<bool> _check = new("--check") { Description = "only check the decomposition already in the library against the original; write nothing" };
    private readonly Option<bool> _noCheck = new("--no-check") { Description = "write without proving equality (not recommended)" };
    private readonly Option<bool> _noBuild = new("--no-build") { Description = "write the step and composite scripts only; the build grows nodes and flows later" };
    private readonly Option<bool> _force = CliOptions.Force();

    public DecomposeCommand()
        : base("decompose", "a plain Python function → step nodes and a composite node that calls them (proven equal)")
    {
        Add(_target);
        Add(_into);
        Add(_minLines);
        Add(_depth);
        Add(_trials);
        Add(_check);
        Add(_noCheck);
        Add(_noBuild);
        Add(_force);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancel)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        var (file, function) = PythonCommandSupport.SplitTarget("decompose", parse.GetRequiredValue(_target), "FUNCTION");
        var into = parse.GetRequiredValue(_into);
        var options = new DecomposeOptions(parse.GetValue(_minLines), parse.GetValue(_depth), parse.GetValue(_trials));
        var diagnostics = new DiagnosticBag();
        var runtime = StandaloneSupport.RuntimeSource() is { } r ? Path.GetDirectoryName(r) : null;
        if (runtime is null && !parse.GetValue(_noCheck))
        {
            diagnostics.Error(LokiCodes.DecomposeCheckFailed, "no loki_runtime to run the equivalence check with (none ships with this command line and no src/python/loki_runtime is above the current folder)");
            return PythonCommandSupport.Report(diagnostics, stderr);
        }

        if (parse.GetValue(_check))
        {
            var report = await DecomposeRun.CheckAsync(file, function, into, options, runtime!, diagnostics, cancel);
            if (report is { Equal: true } && !diagnostics.HasErrors)
            {
                stdout.WriteLine($"{function}: equal to the original on {report.Trials} generated inputs ({report.Returned} returned, {report.Raised} raised the same error){FlowVerdict(report)}");
            }

            return PythonCommandSupport.Report(diagnostics, stderr);
        }

        var outcome = await DecomposeRun.RunAsync(file, function, into, options, parse.GetValue(_noCheck) ? null : runtime, parse.GetValue(_force), !parse.GetValue(_noBuild), diagnostics, cancel);
        foreach (var path in outcome?.Written ?? [])
        {
            stdout.WriteLine("wrote " + Path.GetRelativePath(Directory.GetCurrentDirectory(), path));
        }

        if (outcome is { } done && !diagnostics.HasErrors)
        {
            var steps = done.Plan.Nodes.Skip(1).Select(n => n.IsComposite ? n.Name + " (composite)" : n.Name);
            stdout.WriteLine($"{function} → {done.Plan.Root.Name}: {string.Join(", ", steps)}{(options.MinLines is null && done.Plan.MinLines < 3 ? $" (steps of {done.Plan.MinLines} line{(done.Plan.MinLines == 1 ? string.Empty : "s")} at least: a short body)" : string.Empty)}");
            stdout.WriteLine(done.Report is { } report
                ? $"equal to the original on {report.Trials} generated inputs ({report.Returned} returned, {report.Raised} raised the same error){FlowVerdict(report)}"
                : "not checked (--no-check)");
        }

        return PythonCommandSupport.Report(diagnostics, stderr);
    }

    private static string FlowVerdict(EquivalenceReport report) =>
        report.Flow is { Value.Equal: true } ? "; its flow too, on the LOKI executor" : string.Empty;
}
