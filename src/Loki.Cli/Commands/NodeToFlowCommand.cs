using System.CommandLine;
using Loki.Core.Config;
using Loki.Core.Diagnostics;
using Loki.Core.Flows.Node;
using Loki.Core.Flows.Ui;
using Loki.Core.Regeneration;

namespace Loki.Cli.Commands;

/// <summary>
/// <c>loki node-to-flow NODE [-o FILE] [--plain]</c>: the LOKI Flow around one LOKI node (a UI workflow with
/// input/output markers, loaders and savers), from the node's config layer.
/// </summary>
internal sealed class NodeToFlowCommand : Command
{
    private readonly Argument<string> _node = CliOptions.Path("NODE", "a node folder (nodes/<n>/) or its config <n>.json");
    private readonly Option<string> _output = CliOptions.Output("write the workflow here (a file LOKI did not write, or that was edited, is kept)", "FILE");
    private readonly Option<bool> _plain = new("--plain") { Description = "loaders and savers only, no LokiInput/LokiOutput markers" };

    public NodeToFlowCommand()
        : base("node-to-flow", "the LOKI Flow around one LOKI node")
    {
        Add(_node);
        Add(_output);
        Add(_plain);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancel)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        var input = parse.GetRequiredValue(_node);
        var configPath = Directory.Exists(input) ? Path.Combine(input, Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(input))) + ".json") : input;
        if (!File.Exists(configPath))
        {
            throw new LokiException(new LokiDiagnostic(LokiCodes.FileNotFound, DiagnosticSeverity.Error, "no node config here", configPath));
        }

        var diagnostics = new DiagnosticBag();
        var config = NodeConfigReader.ReadFile(configPath, diagnostics);
        if (config is null || diagnostics.HasErrors)
        {
            await CommandIO.ReportAsync(stderr, diagnostics.Items);
            return ExitCodes.For(diagnostics.Items) is var code and not CliApp.Success ? code : CliApp.Failed;
        }

        var workflow = NodeFlowBuilder.Build(config, markers: !parse.GetValue(_plain));
        var sha = Sha256Hex.OfFile(configPath);
        var output = parse.GetValue(_output);
        if (output is null or "-")
        {
            await CommandIO.ReportAsync(stderr, diagnostics.Items);
            await stdout.WriteAsync(GeneratedHeader.WrapJson(workflow, underExtra: true, Path.GetFileName(configPath), sha));
            return CliApp.Success;
        }

        var source = Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(output))!, Path.GetFullPath(configPath));
        GeneratedFileWriter.WriteJson(output, workflow, underExtra: true, source, sha, diagnostics);
        await CommandIO.ReportAsync(stderr, diagnostics.Items);
        return ExitCodes.For(diagnostics.Items);
    }
}
