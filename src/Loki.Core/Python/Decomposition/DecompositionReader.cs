using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Python.Analysis;
using Loki.Core.Python.Environment;

namespace Loki.Core.Python.Decomposition;

/// <summary>Reads a function's decomposition plan through <c>loki_pyast.py decompose</c>; refusals become coded errors.</summary>
public static class DecompositionReader
{
    private static readonly HashSet<string> AnalysisCodes =
    [
        LokiCodes.DecomposeEarlyReturn, LokiCodes.DecomposeGlobalWrite, LokiCodes.DecomposeGenerator, LokiCodes.DecomposeDynamicScope,
        LokiCodes.DecomposeMethod, LokiCodes.DecomposeVariadic, LokiCodes.DecomposeNothingToCut, LokiCodes.DecomposeNoResult,
    ];

    /// <summary>Plans the cut of <paramref name="qualifiedName"/> in <paramref name="file"/>.</summary>
    /// <exception cref="LokiException">The function is refused (LOKI6130-6136) or cannot be read.</exception>
    public static async Task<DecompositionPlan> ReadAsync(
        PythonInterpreter python, string file, string qualifiedName, DecomposeOptions options, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(file);
        if (!File.Exists(full))
        {
            throw new LokiException(new LokiDiagnostic(LokiCodes.FileNotFound, DiagnosticSeverity.Error, "module not found", full));
        }

        List<string> args = ["decompose", full, qualifiedName, "--depth", Num(options.Depth)];
        if (options.MinLines is { } minLines)
        {
            args.AddRange(["--min-lines", Num(minLines)]);
        }

        var json = await PythonHelper.RunJsonAsync(python, StaticPythonReader.HelperScript, args,
            LokiCodes.FunctionNotFound, full, cancellationToken).ConfigureAwait(false);
        if (json["refused"] is JsonObject refused)
        {
            var code = StaticPythonReader.Str(refused, "code") ?? string.Empty;
            var line = refused["line"] is JsonValue l && l.TryGetValue<int>(out var n) ? n : 0;
            throw new LokiException(new LokiDiagnostic(AnalysisCodes.Contains(code) ? code : LokiCodes.DecomposeRefused,
                DiagnosticSeverity.Error, StaticPythonReader.Str(refused, "message") ?? "refused", full, Line: line));
        }

        var nodes = (json["nodes"] as JsonArray ?? []).OfType<JsonObject>().Select(ReadNode).ToImmutableArray();
        return new DecompositionPlan(
            full,
            StaticPythonReader.Str(json, "function")!,
            qualifiedName,
            StaticPythonReader.Str(json, "module") ?? Path.GetFileNameWithoutExtension(full),
            json["installed"] is JsonValue i && i.GetValue<bool>(),
            nodes,
            Names(json["local_names"]).ToImmutableHashSet(StringComparer.Ordinal))
        {
            MinLines = Int(json, "min_lines"),
        };
    }

    private static PlannedNode ReadNode(JsonObject n) => new(
        StaticPythonReader.Str(n, "name")!,
        StaticPythonReader.Str(n, "kind") == "composite",
        StaticPythonReader.Str(n, "description") ?? string.Empty,
        Names(n["inputs"]),
        Names(n["outputs"]),
        Names(n["output_ports"]),
        Int(n, "first_line"),
        Int(n, "last_line"),
        StaticPythonReader.Str(n, "code"),
        n["uses_module"] is JsonValue u && u.GetValue<bool>(),
        StaticPythonReader.Str(n, "external") ?? string.Empty,
        (n["calls"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(c => new PlannedCall(StaticPythonReader.Str(c, "node")!, Names(c["inputs"]), Names(c["outputs"]), Names(c["output_ports"]))
            {
                InputPorts = c["input_ports"] is JsonArray ? Names(c["input_ports"]) : Names(c["inputs"]),
            }).ToImmutableArray(),
        Names(n["returns"]));

    private static ImmutableArray<string> Names(JsonNode? node) =>
        (node as JsonArray ?? []).Select(x => x!.GetValue<string>()).ToImmutableArray();

    private static int Int(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<int>(out var i) ? i : 0;

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);
}
