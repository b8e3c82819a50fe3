using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Python.Analysis;
using Loki.Core.Python.Environment;

namespace Loki.Core.Python.Comfy;

/// <summary>
/// Reads the nodes of a ComfyUI custom-node pack (or of ComfyUI itself, given its root) statically through
/// <c>loki_pyast.py extract</c>: no import of the pack, so neither torch nor the pack's dependencies are needed.
/// </summary>
public static class ComfyNodeExtractor
{
    /// <summary>Extracts every node of <paramref name="packPath"/> (a folder with <c>__init__.py</c>, a single <c>.py</c>, or ComfyUI's root).</summary>
    /// <param name="python">Any Python 3.10+ (no packages needed).</param>
    /// <param name="packPath">The pack.</param>
    /// <param name="comfyuiRoot">ComfyUI's source root, to resolve references into ComfyUI (<c>comfy.samplers.KSampler.SAMPLERS</c>); optional.</param>
    /// <param name="cancellationToken">Cancels the helper.</param>
    public static async Task<ExtractedPack> ExtractAsync(PythonInterpreter python, string packPath, string? comfyuiRoot = null, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(packPath);
        if (!Directory.Exists(full) && !File.Exists(full))
        {
            throw new LokiException(new LokiDiagnostic(LokiCodes.FileNotFound, DiagnosticSeverity.Error, "pack not found", full));
        }

        List<string> args = ["extract", full];
        if (comfyuiRoot is not null)
        {
            args.AddRange(["--comfyui", Path.GetFullPath(comfyuiRoot)]);
        }

        var json = await PythonHelper.RunJsonAsync(python, StaticPythonReader.HelperScript, args, LokiCodes.PythonSourceUnreadable, full, cancellationToken).ConfigureAwait(false);
        var baseDir = File.Exists(full) ? Path.GetDirectoryName(full)! : full;
        var diagnostics = (json["errors"] as JsonArray ?? []).OfType<JsonObject>().Select(e => new LokiDiagnostic(
            LokiCodes.ComfyExtractionIncomplete, DiagnosticSeverity.Warning, StaticPythonReader.Str(e, "message") ?? "unreadable",
            Path.Combine(baseDir, StaticPythonReader.Str(e, "file") ?? string.Empty), Line: e["line"]?.GetValue<int>() ?? 0)).ToImmutableArray();
        var nodes = (json["nodes"] as JsonObject ?? []).Select(p =>
        {
            var n = (JsonObject)p.Value!;
            return new ExtractedNode(
                p.Key,
                StaticPythonReader.Str(n, "class") ?? p.Key,
                StaticPythonReader.Str(n, "file") ?? string.Empty,
                n["line"]?.GetValue<int>() ?? 0,
                StaticPythonReader.Str(n, "api") ?? "v1",
                StaticPythonReader.Str(n, "function"),
                n["input_is_list"] is JsonValue l && l.TryGetValue<bool>(out var b) && b,
                (JsonObject)(n["object_info"]?.DeepClone() ?? new JsonObject()));
        }).OrderBy(n => n.ClassType, StringComparer.Ordinal).ToImmutableArray();
        return new ExtractedPack(full, nodes, diagnostics);
    }
}
