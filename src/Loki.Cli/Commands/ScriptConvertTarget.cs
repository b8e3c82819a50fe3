using Loki.Core.Diagnostics;
using Loki.Core.Flows.Node;
using Loki.Core.Flows.Script;
using Loki.Core.Regeneration;

namespace Loki.Cli.Commands;

/// <summary>
/// <c>--to script [-o FILE] [--backend loki|comfyui|server] [--library DIR]...</c>: the flow as a LOKI Script with the
/// flow's signature (contracts §2.3). Pre-flight checks run first; a bad flow gives coded errors and no script.
/// </summary>
internal sealed class ScriptConvertTarget : ConvertTarget
{
    /// <inheritdoc />
    public override string Name => "script";

    /// <inheritdoc />
    public override bool WritesFile(ConvertRequest request) => request.OutputPath is not (null or "-");

    /// <inheritdoc />
    public override string? Convert(ConvertRequest request, DiagnosticBag diagnostics)
    {
        var backend = request.Option("--backend");
        if (backend is not null && !FlowBackends.All.Contains(backend))
        {
            throw CommandLine.Usage("convert", $"--backend must be one of {string.Join("|", FlowBackends.All)}, not '{backend}'");
        }

        var doc = FlowCommandSupport.Load(request.InputPath, request.Schemas, request.Options("--library"), diagnostics, out var environment);
        if (doc is null || !doc.Validate(environment.Catalog, diagnostics) || diagnostics.HasErrors)
        {
            return null;
        }

        if (backend == "loki" && doc.Plan.Order.FirstOrDefault(n => !FlowBackends.LokiCanRun(n.ClassType, environment.Catalog)) is { } foreign)
        {
            diagnostics.Error(LokiCodes.FlowBackendUnsupported, $"--backend loki cannot run node {foreign.Id} ({foreign.ClassType}); use comfyui or server", request.InputPath);
            return null;
        }

        var output = request.OutputPath is null or "-" ? null : request.OutputPath;
        var name = output is null ? FlowCommandSupport.NameOf(request.InputPath) : FlowCommandSupport.NameOf(output);
        var source = output is null ? Path.GetFileName(request.InputPath) : Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(output))!, Path.GetFullPath(request.InputPath));
        var body = FlowScriptEmitter.Emit(doc.Plan, environment.Catalog, new FlowScriptOptions(name, source, backend));
        if (output is null)
        {
            return GeneratedHeader.WrapPython(body, source, doc.SourceSha256);
        }

        GeneratedFileWriter.WritePython(output, body, source, doc.SourceSha256, diagnostics);
        return string.Empty;
    }
}
