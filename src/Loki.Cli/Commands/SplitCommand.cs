using System.CommandLine;
using Loki.Core.Diagnostics;
using Loki.Core.Splitting;

namespace Loki.Cli.Commands;

/// <summary>
/// <c>loki split WORKFLOW --into DIR [--by auto|groups|subgraphs|stages] [--min-nodes N] [--prefix NAME]
/// [--check|--no-check] [--schemas PATH]... [-o PARENT.subgraphs.json] [--no-build]</c>: a workflow becomes a library
/// of small flows plus the parent flow that uses them. <c>loki split --report DIR [-o FILE]</c>: splits every workflow
/// under DIR (nothing written) and reports the share that splits and the sub-flows that recur most.
/// </summary>
internal sealed class SplitCommand : Command
{
    private readonly Argument<string?> _workflow = CliOptions.Paths(new Argument<string?>("WORKFLOW") { Description = "the workflow (UI or API JSON, PNG, WebP)", Arity = ArgumentArity.ZeroOrOne });
    private readonly Option<string> _into = CliOptions.Paths(new Option<string>("--into") { Description = "the library folder the node folders go to (a nodes/ folder)", HelpName = "DIR" });
    private readonly Option<string> _by = new("--by") { Description = "the structure to follow", DefaultValueFactory = _ => "auto" };
    private readonly Option<int> _minNodes = new("--min-nodes") { Description = "the fewest original nodes a sub-flow holds", DefaultValueFactory = _ => 2 };
    private readonly Option<string> _prefix = new("--prefix") { Description = "put before every sub-flow name and name the parent", HelpName = "NAME" };
    private readonly Option<bool> _check = new("--check") { Description = "check that inlining the sub-flows gives the original prompt (default)" };
    private readonly Option<bool> _noCheck = new("--no-check") { Description = "skip the equivalence check" };
    private readonly Option<bool> _noBuild = new("--no-build") { Description = "write the flows and name layers only; the build grows the rest later" };
    private readonly Option<string[]> _schemas = CliOptions.Schemas("an /object_info dump, or a folder of them; repeatable");
    private readonly Option<string> _output = CliOptions.Output("the parent as a UI workflow with native subgraphs; with --report, the report file", "FILE");
    private readonly Option<string> _report = CliOptions.Paths(new Option<string>("--report") { Description = "split every workflow under DIR and report (nothing written)", HelpName = "DIR" });

    public SplitCommand()
        : base("split", "a workflow → a library of small LOKI flows and the parent flow that uses them")
    {
        _by.AcceptOnlyFromAmong("auto", "groups", "subgraphs", "stages");
        Add(_workflow);
        Add(_into);
        Add(_by);
        Add(_minNodes);
        Add(_prefix);
        Add(_check);
        Add(_noCheck);
        Add(_noBuild);
        Add(_schemas);
        Add(_output);
        Add(_report);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancel)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        var schemas = CommandIO.LoadSchemas(parse.GetValue(_schemas) ?? []);
        var prefix = parse.GetValue(_prefix);
        var options = new SplitOptions(Enum.Parse<SplitStrategy>(parse.GetValue(_by)!, ignoreCase: true), parse.GetValue(_minNodes), prefix, schemas);
        if (prefix is not null && SplitNamer.Clean(prefix) != prefix)
        {
            return await UsageAsync(stderr, $"--prefix '{prefix}' is not a node name: use lowercase snake_case");
        }

        if (parse.GetValue(_report) is { } reportDir)
        {
            if (!Directory.Exists(reportDir))
            {
                throw new LokiException(new LokiDiagnostic(LokiCodes.FileNotFound, DiagnosticSeverity.Error, "no such folder", reportDir));
            }

            var report = SplitBatchReport.Render("Splitting " + reportDir, SplitBatch.Run(reportDir, options), $"`loki split --report {reportDir}` (`--by {parse.GetValue(_by)} --min-nodes {options.MinNodes}`).");
            await CommandIO.WriteResultAsync(report, parse.GetValue(_output), stdout);
            return CliApp.Success;
        }

        var workflow = parse.GetValue(_workflow);
        var into = parse.GetValue(_into);
        if (workflow is null || into is null)
        {
            return await UsageAsync(stderr, "loki split needs a WORKFLOW and --into DIR (or --report DIR)");
        }

        if (!File.Exists(workflow))
        {
            throw new LokiException(new LokiDiagnostic(LokiCodes.FileNotFound, DiagnosticSeverity.Error, "no such workflow", workflow));
        }

        var outcome = SplitRun.Execute(workflow, into, options, check: !parse.GetValue(_noCheck), parse.GetValue(_output), grow: !parse.GetValue(_noBuild));
        await CommandIO.ReportAsync(stderr, outcome.Diagnostics);
        if (!outcome.Succeeded)
        {
            return ExitCodes.For(outcome.Diagnostics);
        }

        var split = outcome.Split!;
        await stdout.WriteLineAsync($"{split.Name}: {split.Original.Count} nodes → {split.Parent.Count} at the top, {split.Subflows.Length} sub-flows ({split.Instances.Count} uses), {outcome.Written.Count} files written");
        foreach (var flow in split.Subflows)
        {
            await stdout.WriteLineAsync($"  {flow.Name} ({flow.OriginalNodes} nodes): {SplitBatchReport.Border(flow)}");
        }

        return CliApp.Success;
    }

    private static async Task<int> UsageAsync(TextWriter stderr, string message)
    {
        await CommandIO.ReportAsync(stderr, [new LokiDiagnostic(LokiCodes.SplitBadOptions, DiagnosticSeverity.Error, message)]);
        return CliApp.BadUsage;
    }
}
