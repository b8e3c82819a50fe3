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
internal static class NodeToFlowCommand
{
    private const string Help = """
        usage: loki node-to-flow NODE [-o FILE] [--plain]

        NODE             a node folder (nodes/<n>/) or its config <n>.json
        -o, --output FILE write the workflow here (a file LOKI did not write, or that was edited, is kept)
        --plain          loaders and savers only, no LokiInput/LokiOutput markers
        """;

    /// <summary>Runs the command; returns the exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Any(a => a is "-h" or "--help"))
        {
            await stdout.WriteLineAsync(Help);
            return CliApp.Success;
        }

        var line = CommandLine.Parse("node-to-flow", args, ["--output"], ["--plain"], new Dictionary<string, string> { ["-o"] = "--output" });
        var input = line.SinglePositional("NODE");
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

        var workflow = NodeFlowBuilder.Build(config, markers: !line.Flag("--plain"));
        var sha = Sha256Hex.OfFile(configPath);
        var output = line.Value("--output");
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
