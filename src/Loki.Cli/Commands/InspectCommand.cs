using System.CommandLine;
using Loki.Core.Inspection;
using Loki.Core.Text;
using Loki.Core.Workflows;

namespace Loki.Cli.Commands;

/// <summary>
/// <c>loki inspect INPUT [--schemas FILE_OR_DIR]... [--json] [--interface [--library DIR]...]</c>: format and version,
/// node and link counts, node types, types without a schema with the pack they likely come from, subgraphs and group
/// nodes; or, with <c>--interface</c>, the flow's signature.
/// </summary>
internal sealed class InspectCommand : Command
{
    private readonly Argument<string> _input = CliOptions.Path("INPUT", "a UI workflow or API prompt (.json), or a .png/.webp carrying one");
    private readonly Option<string[]> _schemas = CliOptions.Schemas("an /object_info dump, or a folder of them (repeatable); decides which types count as missing");
    private readonly Option<bool> _json = new("--json") { Description = "print one JSON object instead of text" };
    private readonly Option<bool> _interface = new("--interface") { Description = "print the flow's signature instead: its inputs and outputs, where each binds, and how it was found (markers, App Mode, subgraph, or inferred: to be confirmed)" };
    private readonly Option<string[]> _library = CliOptions.Library("a LOKI library (holding nodes/) whose nodes the flow uses; repeatable");

    public InspectCommand()
        : base("inspect", "describe a workflow, prompt or image: format, counts, types, missing packs")
    {
        Add(_input);
        Add(_schemas);
        Add(_json);
        Add(_interface);
        Add(_library);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancel)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        var input = parse.GetRequiredValue(_input);
        var json = parse.GetValue(_json);
        if (parse.GetValue(_interface))
        {
            return await InterfaceInspection.RunAsync(input, CommandIO.LoadSchemas(parse.GetValue(_schemas) ?? []), parse.GetValue(_library) ?? [], json, stdout, stderr);
        }

        var file = WorkflowLoader.Load(input);
        var schemas = CommandIO.LoadSchemas(parse.GetValue(_schemas) ?? []);
        var report = WorkflowInspector.Inspect(file, schemas);
        var found = Loki.Core.Schemas.PromptSchemaCheck.Check(file, schemas);
        await CommandIO.ReportAsync(stderr, [.. schemas.Diagnostics, .. file.Warnings ?? [], .. found]);
        await stdout.WriteAsync(json ? CanonicalJson.Write(InspectReportJson.Build(report)) : InspectReportText.Build(report));
        return ExitCodes.For([.. file.Warnings ?? [], .. found]);
    }
}
