using Loki.Core.Diagnostics;
using Loki.Core.Inspection;
using Loki.Core.Text;
using Loki.Core.Workflows;

namespace Loki.Cli.Commands;

/// <summary>
/// <c>loki inspect INPUT [--schemas FILE_OR_DIR]... [--json]</c>: format and version, node and link counts, node
/// types, types without a schema with the pack they likely come from, subgraphs and group nodes.
/// </summary>
internal static class InspectCommand
{
    private const string Help = """
        usage: loki inspect INPUT [--schemas FILE_OR_DIR]... [--json] [--interface [--library DIR]...]

        INPUT            a UI workflow or API prompt (.json), or a .png/.webp carrying one
        --schemas PATH   an /object_info dump, or a folder of them (repeatable); decides which types count as missing
        --json           print one JSON object instead of text
        --interface      print the flow's signature instead: its inputs and outputs, where each binds, and how it
                         was found (markers, App Mode, subgraph, or inferred: to be confirmed)
        --library DIR    a LOKI library (holding nodes/) whose nodes the flow uses; repeatable
        """;

    /// <summary>Runs the command; returns the exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Any(a => a is "-h" or "--help"))
        {
            await stdout.WriteLineAsync(Help);
            return CliApp.Success;
        }

        var line = CommandLine.Parse("inspect", args, ["--schemas", "--library"], ["--json", "--interface"]);
        var input = line.SinglePositional("INPUT");
        if (line.Flag("--interface"))
        {
            return await InterfaceInspection.RunAsync(input, CommandIO.LoadSchemas(line.Paths("--schemas")), line.Values("--library"), line.Flag("--json"), stdout, stderr);
        }

        var file = WorkflowLoader.Load(input);
        var schemas = CommandIO.LoadSchemas(line.Paths("--schemas"));
        var report = WorkflowInspector.Inspect(file, schemas);
        var found = Loki.Core.Schemas.PromptSchemaCheck.Check(file, schemas);
        await CommandIO.ReportAsync(stderr, [.. schemas.Diagnostics, .. file.Warnings ?? [], .. found]);
        await stdout.WriteAsync(line.Flag("--json") ? CanonicalJson.Write(InspectReportJson.Build(report)) : InspectReportText.Build(report));
        return ExitCodes.For([.. file.Warnings ?? [], .. found]);
    }
}
