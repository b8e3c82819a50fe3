using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;

namespace Loki.Core.Config;

/// <summary>
/// Reads the config layer <c>&lt;n&gt;.json</c>, accepting the loose shapes found in hand-kept LOKI libraries
/// (ports as an object or an array, lower-case types, the UI-node form) and reporting problems with codes and
/// JSON paths instead of throwing.
/// </summary>
public static class NodeConfigReader
{
    private static readonly HashSet<string> KnownKeys =
    [
        "node_name", "version", "description", "category", "device", "output_node",
        "inputs", "outputs", "examples", "comfy",
    ];

    private static readonly HashSet<string> KnownPortKeys =
    [
        "name", "type", "description", "required", "default", "min", "max", "step", "options", "multiline",
    ];

    /// <summary>Reads and parses a config file. Returns null (with an error in <paramref name="diagnostics"/>) when unusable.</summary>
    public static NodeConfig? ReadFile(string path, DiagnosticBag diagnostics, string? fallbackName = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(LokiCodes.FileUnreadable, $"cannot read config: {ex.Message}", path);
            return null;
        }

        return Parse(text, path, diagnostics, fallbackName ?? Path.GetFileNameWithoutExtension(path));
    }

    /// <summary>Parses config text. <paramref name="file"/> is used only in diagnostics.</summary>
    public static NodeConfig? Parse(string text, string file, DiagnosticBag diagnostics, string fallbackName)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            diagnostics.Error(LokiCodes.ConfigInvalidJson, $"config is not valid JSON: {ex.Message}", file, "$", (int)(ex.LineNumber ?? -1) + 1);
            return null;
        }

        if (root is not JsonObject obj)
        {
            diagnostics.Error(LokiCodes.ConfigBadField, "config must be a JSON object", file, "$");
            return null;
        }

        var extra = new JsonObject();
        foreach (var (key, value) in obj)
        {
            if (!KnownKeys.Contains(key))
            {
                extra[key] = value?.DeepClone();
            }
        }

        // The same field types docs/schemas/loki-node-config.schema.json states (the schema test keeps them in agreement).
        CheckKinds(obj, "$", TopLevelKinds, file, diagnostics);
        var name = Str(obj, "node_name") ?? Str(obj, "node_name_internal") ?? fallbackName;
        var device = (Str(obj, "device") ?? "cpu").ToLowerInvariant();
        if (device is not ("cpu" or "cuda"))
        {
            diagnostics.Error(LokiCodes.ConfigBadField, $"device must be \"cpu\" or \"cuda\", not \"{device}\"", file, "$.device");
            device = "cpu";
        }

        ComfyReference? comfy = null;
        if (obj["comfy"] is JsonObject cc)
        {
            CheckKinds(cc, "$.comfy", ComfyKinds, file, diagnostics);
        }

        if (obj["comfy"] is JsonObject c && Str(c, "class") is { } cls)
        {
            comfy = new ComfyReference(cls, Str(c, "pack") ?? "comfyui");
        }

        return new NodeConfig
        {
            NodeName = name,
            Version = Str(obj, "version") ?? "0.1.0",
            Description = Str(obj, "description"),
            Category = Str(obj, "category"),
            Device = device,
            OutputNode = obj["output_node"] is JsonValue ov && ov.TryGetValue<bool>(out var b) && b,
            Inputs = ReadPorts(obj["inputs"], "$.inputs", isInput: true, file, diagnostics),
            Outputs = ReadPorts(obj["outputs"], "$.outputs", isInput: false, file, diagnostics),
            Examples = ReadExamples(obj["examples"], file, diagnostics),
            Comfy = comfy,
            Extra = extra,
        };
    }

    private static ImmutableArray<PortSpec> ReadPorts(JsonNode? node, string path, bool isInput, string file, DiagnosticBag diagnostics)
    {
        var entries = new List<(string Name, JsonNode? Spec, string Path)>();
        switch (node)
        {
            case null:
                break;
            case JsonObject o:
                entries.AddRange(o.Select(p => (p.Key, p.Value, $"{path}.{p.Key}")));
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    var item = a[i];
                    var n = item is JsonObject io ? Str(io, "name") : item?.GetValueKind() == JsonValueKind.String ? item.GetValue<string>() : null;
                    if (n is null)
                    {
                        diagnostics.Error(LokiCodes.ConfigBadField, "a port in an array needs a \"name\"", file, $"{path}[{i}]");
                        continue;
                    }

                    entries.Add((n, item as JsonObject, $"{path}[{i}]"));
                }

                break;
            default:
                diagnostics.Error(LokiCodes.ConfigBadField, "ports must be an object (name → spec) or an array", file, path);
                break;
        }

        var ports = ImmutableArray.CreateBuilder<PortSpec>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, spec, at) in entries)
        {
            if (!seen.Add(name))
            {
                diagnostics.Error(LokiCodes.ConfigDuplicatePort, $"port \"{name}\" is declared twice", file, at);
                continue;
            }

            ports.Add(ReadPort(name, spec, at, isInput, file, diagnostics));
        }

        return ports.ToImmutable();
    }

    private static PortSpec ReadPort(string name, JsonNode? spec, string at, bool isInput, string file, DiagnosticBag diagnostics)
    {
        if (spec is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            return new PortSpec(name, PortTypes.Normalize(v.GetValue<string>()));
        }

        if (spec is not JsonObject o)
        {
            diagnostics.Error(LokiCodes.ConfigBadPortType, $"port \"{name}\" needs a spec object with a \"type\"", file, at);
            return new PortSpec(name, PortTypes.Any);
        }

        CheckKinds(o, at, PortKinds, file, diagnostics);
        var options = o["options"] is JsonArray opts
            ? opts.Select(x => x?.ToString() ?? string.Empty).ToImmutableArray()
            : default;
        var rawType = Str(o, "type");
        if (rawType is null)
        {
            if (options.IsDefault)
            {
                diagnostics.Error(LokiCodes.ConfigBadPortType, $"port \"{name}\" has no \"type\"", file, $"{at}.type");
            }

            rawType = options.IsDefault ? PortTypes.Any : PortTypes.Combo;
        }

        var extra = new JsonObject();
        foreach (var (key, value) in o)
        {
            if (!KnownPortKeys.Contains(key))
            {
                extra[key] = value?.DeepClone();
            }
        }

        var port = new PortSpec(
            name,
            PortTypes.Normalize(rawType),
            Str(o, "description"),
            Required: !isInput || o["required"] is not JsonValue rv || !rv.TryGetValue<bool>(out var req) || req,
            Default: o["default"]?.DeepClone(),
            Min: Num(o, "min"),
            Max: Num(o, "max"),
            Step: Num(o, "step"),
            Options: options,
            Multiline: o["multiline"] is JsonValue mv && mv.TryGetValue<bool>(out var ml) && ml,
            Extra: extra.Count == 0 ? null : extra);
        CheckDefault(port, at, file, diagnostics);
        return port;
    }

    private static void CheckDefault(PortSpec port, string at, string file, DiagnosticBag diagnostics)
    {
        if (port.Default is not JsonValue dv)
        {
            return;
        }

        if (port.Type is PortTypes.Int or PortTypes.Float && dv.TryGetValue<double>(out var d))
        {
            if ((port.Min is { } min && d < min) || (port.Max is { } max && d > max))
            {
                diagnostics.Error(LokiCodes.ConfigBadDefault, $"default {d} of \"{port.Name}\" lies outside [{port.Min}, {port.Max}]", file, $"{at}.default");
            }
        }
        else if (port.Type == PortTypes.Combo && !port.OptionsOrEmpty.IsEmpty && dv.GetValueKind() == JsonValueKind.String
                 && !port.OptionsOrEmpty.Contains(dv.GetValue<string>()))
        {
            diagnostics.Error(LokiCodes.ConfigBadDefault, $"default \"{dv}\" of \"{port.Name}\" is not one of its options", file, $"{at}.default");
        }
    }

    private static ImmutableArray<NodeExample> ReadExamples(JsonNode? node, string file, DiagnosticBag diagnostics)
    {
        if (node is null)
        {
            return [];
        }

        if (node is not JsonArray arr)
        {
            diagnostics.Error(LokiCodes.ConfigBadField, "examples must be an array", file, "$.examples");
            return [];
        }

        var list = ImmutableArray.CreateBuilder<NodeExample>();
        for (var i = 0; i < arr.Count; i++)
        {
            if (arr[i] is not JsonObject e || e["inputs"] is not JsonObject inputs)
            {
                diagnostics.Error(LokiCodes.ConfigBadField, "an example needs an \"inputs\" object", file, $"$.examples[{i}]");
                continue;
            }

            list.Add(new NodeExample(Str(e, "name") ?? $"example{i + 1}", (JsonObject)inputs.DeepClone(), e["expect"]?.DeepClone() as JsonObject));
        }

        return list.ToImmutable();
    }

    private static readonly (string Key, JsonValueKind[] Kinds)[] TopLevelKinds =
    [
        ("node_name", [JsonValueKind.String]), ("node_name_internal", [JsonValueKind.String]), ("node_display_name", [JsonValueKind.String]),
        ("version", [JsonValueKind.String]), ("description", [JsonValueKind.String]), ("category", [JsonValueKind.String]),
        ("device", [JsonValueKind.String]), ("output_node", [JsonValueKind.True, JsonValueKind.False]), ("comfy", [JsonValueKind.Object]), ("loki", [JsonValueKind.Object]),
    ];

    private static readonly (string Key, JsonValueKind[] Kinds)[] ComfyKinds = [("class", [JsonValueKind.String]), ("pack", [JsonValueKind.String])];

    private static readonly (string Key, JsonValueKind[] Kinds)[] PortKinds =
    [
        ("name", [JsonValueKind.String]), ("type", [JsonValueKind.String]), ("description", [JsonValueKind.String]),
        ("required", [JsonValueKind.True, JsonValueKind.False]), ("multiline", [JsonValueKind.True, JsonValueKind.False]),
        ("min", [JsonValueKind.Number]), ("max", [JsonValueKind.Number]), ("step", [JsonValueKind.Number]),
        ("options", [JsonValueKind.Array]), ("subtype", [JsonValueKind.String]),
    ];

    private static void CheckKinds(JsonObject o, string at, (string Key, JsonValueKind[] Kinds)[] expected, string file, DiagnosticBag diagnostics)
    {
        foreach (var (key, kinds) in expected)
        {
            if (o.TryGetPropertyValue(key, out var value) && !kinds.Contains(value?.GetValueKind() ?? JsonValueKind.Null))
            {
                var want = kinds[0] switch
                {
                    JsonValueKind.String => "a string",
                    JsonValueKind.Number => "a number",
                    JsonValueKind.Array => "an array",
                    JsonValueKind.Object => "an object",
                    _ => "true or false",
                };
                diagnostics.Error(LokiCodes.ConfigBadField, $"\"{key}\" must be {want}", file, $"{at}.{key}");
            }
        }
    }

    private static string? Str(JsonObject o, string key) =>
        o[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static double? Num(JsonObject o, string key) =>
        o[key] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<double>() : null;
}
