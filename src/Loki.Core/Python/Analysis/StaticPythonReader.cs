using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Python.Environment;

namespace Loki.Core.Python.Analysis;

/// <summary>Reads Python sources without importing them, through the <c>loki_pyast.py</c> helper.</summary>
public static class StaticPythonReader
{
    /// <summary>The helper script's file name.</summary>
    public const string HelperScript = "loki_pyast.py";

    /// <summary>Reads function <paramref name="qualifiedName"/> (<c>f</c> or <c>Class.method</c>) from <paramref name="file"/>.</summary>
    public static async Task<PythonFunction> ReadFunctionAsync(PythonInterpreter python, string file, string qualifiedName, CancellationToken cancellationToken = default)
    {
        var json = await PythonHelper.RunJsonAsync(python, HelperScript, ["signature", file, qualifiedName], LokiCodes.FunctionNotFound, file, cancellationToken).ConfigureAwait(false);
        var parameters = (json["params"] as JsonArray ?? []).OfType<JsonObject>().Select(p =>
        {
            var def = p["default"] as JsonObject;
            return new PythonParameter(
                Str(p, "name")!,
                Str(p, "kind") ?? "positional",
                Str(p, "annotation"),
                p["type"] is JsonObject t ? ReadType(t) : null,
                def?["value"]?.DeepClone(),
                def is not null,
                def is not null && def.ContainsKey("source") ? Str(def, "source") : null,
                Str(p, "description"),
                p["positional_only"] is JsonValue po && po.GetValue<bool>());
        }).ToImmutableArray();
        var returns = json["returns"] is JsonObject r && r["types"] is JsonArray types
            ? types.OfType<JsonObject>().Select(ReadType).ToImmutableArray()
            : [];
        var docs = (json["returns_doc"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(d => new ReturnDoc(Str(d, "name"), Str(d, "type"), Str(d, "description") ?? string.Empty)).ToImmutableArray();
        return new PythonFunction(Str(json, "name")!, qualifiedName, Int(json, "line"), json["is_async"]?.GetValue<bool>() == true,
            Str(json, "summary") ?? string.Empty, parameters, returns, docs, json["returns"] is JsonObject);
    }

    /// <summary>Lists the imports of a module file or a folder of them.</summary>
    public static async Task<ImportScan> ScanImportsAsync(PythonInterpreter python, string path, CancellationToken cancellationToken = default)
    {
        var json = await PythonHelper.RunJsonAsync(python, HelperScript, ["imports", path], LokiCodes.PythonSourceUnreadable, path, cancellationToken).ConfigureAwait(false);
        var third = (json["third_party"] as JsonArray ?? []).OfType<JsonObject>().Select(e => new ThirdPartyImport(
            Str(e, "module")!,
            (e["files"] as JsonArray ?? []).Select(f => f!.GetValue<string>()).ToImmutableArray(),
            e["optional"]?.GetValue<bool>() == true)).ToImmutableArray();
        return new ImportScan(third, Strings(json["stdlib"]), Strings(json["local"]));
    }

    internal static PythonType ReadType(JsonObject t) => new(
        PortTypeName(Str(t, "type") ?? "*"),
        Understood: t["understood"] is not JsonValue u || u.GetValue<bool>(),
        Optional: t["optional"] is JsonValue o && o.GetValue<bool>(),
        Assumed: t["assumed"] is JsonValue a && a.GetValue<bool>(),
        Min: Num(t, "min"),
        Max: Num(t, "max"),
        Step: Num(t, "step"),
        Options: t["options"] is JsonArray opts ? opts.Select(x => x?.ToString() ?? string.Empty).ToImmutableArray() : default,
        Multiline: t["multiline"] is JsonValue m && m.GetValue<bool>(),
        Description: Str(t, "description"),
        Pil: t["pil"] is JsonValue pil && pil.GetValue<bool>());

    private static string PortTypeName(string type) => Config.PortTypes.Normalize(type);

    private static ImmutableArray<string> Strings(JsonNode? node) =>
        (node as JsonArray ?? []).Select(x => x!.GetValue<string>()).ToImmutableArray();

    internal static string? Str(JsonObject o, string key) =>
        o[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static int Int(JsonObject o, string key) =>
        o[key] is JsonValue v && v.TryGetValue<int>(out var i) ? i : 0;

    private static double? Num(JsonObject o, string key) =>
        o[key] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<double>() : null;
}
