using Loki.Core.Diagnostics;
using Loki.Core.IO;
using Loki.Core.Python.Comfy;
using Loki.Core.Python.Environment;

namespace Loki.Cli.Commands;

/// <summary>
/// <c>loki schemas extract PACK_DIR -o FILE [--comfyui DIR]</c>: a pack's node definitions in <c>/object_info</c> form,
/// read statically (what cannot be known without running code is marked <c>__loki_unresolved__</c>).
/// </summary>
internal static class SchemasCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] != "extract")
        {
            throw PythonCommandSupport.Usage("schemas", "usage: loki schemas extract PACK_DIR -o FILE [--comfyui DIR]");
        }

        var a = PythonCommandSupport.Parse("schemas extract", args[1..], ["-o", "--output", "--comfyui"], []);
        var output = a.Option("-o") ?? a.Option("--output");
        if (a.Positional.Count != 1 || output is null)
        {
            throw PythonCommandSupport.Usage("schemas extract", "usage: loki schemas extract PACK_DIR -o FILE [--comfyui DIR]");
        }

        var python = await PythonLocator.FindAsync([]);
        var pack = await ComfyNodeExtractor.ExtractAsync(python, a.Positional[0], a.Option("--comfyui"));
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

        stdout.WriteLine($"wrote {output}: {pack.Nodes.Length} nodes, {unresolved} values marked unresolved");
        PythonCommandSupport.Report(diagnostics, stderr);
        return pack.Nodes.Length == 0 ? CliApp.Failed : CliApp.Success;
    }
}
