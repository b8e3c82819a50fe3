using Loki.Core.Diagnostics;
using Loki.Core.Flows.Node;
using Loki.Core.Flows.Script;
using Loki.Core.Python.Standalone;
using Loki.Core.Regeneration;

namespace Loki.Cli.Commands;

/// <summary>
/// <c>--to script [-o FILE [--standalone]] [--backend loki|comfyui|server] [--library DIR]...</c>: the flow as a LOKI Script with the
/// flow's signature (contracts §2.3). Pre-flight checks run first; a bad flow gives coded errors and no script.
/// </summary>
internal sealed class ScriptConvertTarget : ConvertTarget
{
    /// <inheritdoc />
    public override string Name => "script";

    /// <inheritdoc />
    public override bool WritesFile(ConvertRequest request) => request.OutputPath is not (null or "-");

    /// <inheritdoc />
    public override bool WritesBatchOutputs => true;

    /// <inheritdoc />
    public override string BatchOutput(string relative) => Path.Combine(Path.GetDirectoryName(relative) ?? string.Empty, FlowCommandSupport.NameOf(relative) + ".py");

    private static bool LooksLikeNodeConfig(string path)
    {
        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path)) is System.Text.Json.Nodes.JsonObject o && o["inputs"] is not null && o["class_type"] is null && o["nodes"] is null;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public override string? Convert(ConvertRequest request, DiagnosticBag diagnostics)
    {
        var backend = request.Backend;
        if (backend is not null && !FlowBackends.All.Contains(backend))
        {
            throw CliUsage.Error("convert", $"--backend must be one of {string.Join("|", FlowBackends.All)}, not '{backend}'");
        }

        var doc = FlowCommandSupport.Load(request.InputPath, request.Schemas, request.Libraries, diagnostics, out var environment, request.Environments);
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
        if (output is null && request.Standalone)
        {
            throw CliUsage.Error("convert", "--standalone needs -o FILE: the runtime is copied into the script's folder");
        }

        var name = output is null ? FlowCommandSupport.NameOf(request.InputPath) : FlowCommandSupport.NameOf(output);
        var source = output is null ? Path.GetFileName(request.InputPath) : Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(output))!, Path.GetFullPath(request.InputPath));
        var body = FlowScriptEmitter.Emit(doc.Plan, environment.Catalog, new FlowScriptOptions(name, source, backend));
        if (output is null)
        {
            return GeneratedHeader.WrapPython(body, source, doc.SourceSha256);
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(output))!;
        var nodes = request.Standalone
            ? StandaloneNodes.Closure(doc.Plan.Order.Select(n => n.ClassType), FlowCommandSupport.LibraryRoots(request.InputPath, request.Libraries), diagnostics, request.InputPath)
            : [];
        if (request.Standalone && StandaloneCopier.Refuses(folder, nodes, diagnostics))
        {
            return null;
        }

        GeneratedFileWriter.WritePython(output, body, source, doc.SourceSha256, diagnostics);
        if (request.Standalone && !diagnostics.HasErrors)
        {
            StandaloneSupport.Write(folder, nodes, diagnostics);
        }

        var sibling = Path.ChangeExtension(output, ".json");
        if (File.Exists(sibling) && !LooksLikeNodeConfig(sibling))
        {
            diagnostics.Warning(LokiCodes.FlowScriptConfigClash, $"the runtime reads {Path.GetFileName(sibling)} beside the script as its interface, but it is no node config; rename one of them (a flow is usually <n>_workflow.json)", sibling);
        }

        return string.Empty;
    }
}
