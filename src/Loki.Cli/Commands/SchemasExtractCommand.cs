using System.CommandLine;
using Loki.Core.Diagnostics;
using Loki.Core.IO;
using Loki.Core.Python.Comfy;
using Loki.Core.Python.Environment;

namespace Loki.Cli.Commands;

/// <summary>
/// <c>loki schemas extract PACK_DIR -o FILE [--comfyui DIR]</c>: a pack's node definitions in <c>/object_info</c> form,
/// read statically (what cannot be known without running code is marked <c>__loki_unresolved__</c>).
/// </summary>
internal sealed class SchemasExtractCommand : Command
{
    private readonly Argument<string> _pack = CliOptions.Path("PACK_DIR", "the custom-node pack folder");
    private readonly Option<string> _output = CliOptions.Paths(new Option<string>("--output", "-o") { Description = "the /object_info file to write", HelpName = "FILE", Required = true });
    private readonly Option<string> _comfyui = new("--comfyui") { Description = "the ComfyUI root the pack imports from", HelpName = "DIR" };

    public SchemasExtractCommand()
        : base("extract", "a pack's node definitions, read statically")
    {
        Add(_pack);
        Add(_output);
        Add(_comfyui);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancel)
    {
        var output = parse.GetRequiredValue(_output);
        var python = await PythonLocator.FindAsync([]);
        var pack = await ComfyNodeExtractor.ExtractAsync(python, parse.GetRequiredValue(_pack), parse.GetValue(_comfyui));
        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(pack.Diagnostics);
        var unresolved = pack.Nodes.Sum(n => UnresolvedValue.FindAll(n.ObjectInfo).Count());
        try
        {
            AtomicFile.WriteIfChanged(output, ObjectInfoDocument.Write(pack));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new LokiException(new LokiDiagnostic(LokiCodes.WriteFailed, DiagnosticSeverity.Error, $"cannot write: {ex.Message}", output));
        }

        parse.InvocationConfiguration.Output.WriteLine($"wrote {output}: {pack.Nodes.Length} nodes, {unresolved} values marked unresolved");
        PythonCommandSupport.Report(diagnostics, parse.InvocationConfiguration.Error);
        return pack.Nodes.Length == 0 ? CliApp.Failed : CliApp.Success;
    }
}
