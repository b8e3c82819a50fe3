using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Loki.Core.Config;
using Loki.Core.Diagnostics;
using Loki.Core.Python.Emit;

namespace Loki.Core.Python.Comfy;

/// <summary>Turns an <c>/object_info</c> entry into a LOKI node interface (<see cref="NodeConfig"/>).</summary>
public static class ObjectInfoConverter
{
    private static readonly HashSet<string> PortKeys = ["default", "min", "max", "step", "multiline", "tooltip", "options", "multiselect"];

    /// <summary>
    /// The interface of <paramref name="node"/> as LOKI node <paramref name="nodeName"/> wrapping it by reference
    /// (<c>"comfy": {"class", "pack"}</c>). Hidden inputs are left out; output names become identifiers.
    /// Unresolved values are reported with <see cref="LokiCodes.ComfyValueUnresolved"/> and kept as markers.
    /// </summary>
    public static NodeConfig ToConfig(ExtractedNode node, string nodeName, string pack, string file, DiagnosticBag diagnostics)
    {
        var info = node.ObjectInfo;
        var inputs = ImmutableArray.CreateBuilder<PortSpec>();
        if (UnresolvedValue.SourceOf(info["input"]) is { } whole)
        {
            diagnostics.Warning(LokiCodes.ComfyValueUnresolved, $"{node.ClassType}: inputs are computed at run time ({whole}); the interface has none", file, "$.input");
        }

        foreach (var section in new[] { "required", "optional" })
        {
            if (info["input"]?[section] is not JsonObject ports)
            {
                continue;
            }

            foreach (var (name, spec) in ports)
            {
                inputs.Add(Port(node.ClassType, name, spec, section == "required", $"$.input.{section}.{name}", file, diagnostics));
            }
        }

        var outputs = ImmutableArray.CreateBuilder<PortSpec>();
        var types = info["output"] as JsonArray ?? [];
        var names = info["output_name"] as JsonArray ?? [];
        var tips = info["output_tooltips"] as JsonArray;
        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < types.Count; i++)
        {
            var type = types[i] switch
            {
                JsonArray => PortTypes.Combo,
                JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
                _ => PortTypes.Any,
            };
            var label = names.Count > i && names[i] is JsonValue nv && nv.GetValueKind() == JsonValueKind.String ? nv.GetValue<string>() : type;
            var id = PythonNames.Unique(PythonNames.ToIdentifier(label, "output"), taken);
            var desc = tips is not null && tips.Count > i && tips[i] is JsonValue tv && tv.GetValueKind() == JsonValueKind.String ? tv.GetValue<string>() : null;
            outputs.Add(new PortSpec(id, PortTypes.Normalize(type), desc));
        }

        var extra = new JsonObject();
        if (info["display_name"] is JsonValue dn && dn.GetValueKind() == JsonValueKind.String)
        {
            extra["node_display_name"] = dn.GetValue<string>();
        }

        return new NodeConfig
        {
            NodeName = nodeName,
            Description = Text(info["description"]) is { Length: > 0 } d ? d : $"Runs the ComfyUI node {node.ClassType}.",
            Category = Text(info["category"]),
            OutputNode = info["output_node"] is JsonValue on && on.GetValueKind() == JsonValueKind.True,
            Inputs = inputs.ToImmutable(),
            Outputs = outputs.ToImmutable(),
            Comfy = new ComfyReference(node.ClassType, pack),
            Extra = extra,
        };
    }

    private static PortSpec Port(string classType, string name, JsonNode? spec, bool required, string path, string file, DiagnosticBag diagnostics)
    {
        var typeNode = spec is JsonArray a && a.Count > 0 ? a[0] : spec;
        var options = spec is JsonArray b && b.Count > 1 ? b[1] as JsonObject : null;
        var extra = new JsonObject();
        string type;
        ImmutableArray<string> comboOptions = default;
        if (typeNode is JsonArray list)
        {
            type = PortTypes.Combo;
            comboOptions = list.Select(x => x?.ToString() ?? string.Empty).ToImmutableArray();
        }
        else if (UnresolvedValue.SourceOf(typeNode) is { } source)
        {
            type = PortTypes.Combo;
            extra["options_unresolved"] = source;
            diagnostics.Warning(LokiCodes.ComfyValueUnresolved, $"{classType}.{name}: options are known only at run time ({source})", file, path + "[0]");
        }
        else if (typeNode is JsonValue tv && tv.GetValueKind() == JsonValueKind.String)
        {
            type = PortTypes.Normalize(tv.GetValue<string>());
        }
        else
        {
            type = PortTypes.Any;
        }

        if (type == PortTypes.Combo && options?["options"] is { } inner)
        {
            if (inner is JsonArray opts)
            {
                comboOptions = opts.Select(x => x?.ToString() ?? string.Empty).ToImmutableArray();
            }
            else if (UnresolvedValue.SourceOf(inner) is { } src)
            {
                extra["options_unresolved"] = src;
                diagnostics.Warning(LokiCodes.ComfyValueUnresolved, $"{classType}.{name}: options are known only at run time ({src})", file, path + "[1].options");
            }
        }

        if (options is not null)
        {
            foreach (var (key, value) in options)
            {
                if (!PortKeys.Contains(key) && value is not null)
                {
                    extra[key] = value.DeepClone();
                }
            }
        }

        var def = options?["default"];
        if (UnresolvedValue.SourceOf(def) is not null)
        {
            def = null;
        }

        return new PortSpec(
            name,
            type,
            Text(options?["tooltip"]),
            required,
            def?.DeepClone(),
            Number(options?["min"]),
            Number(options?["max"]),
            Number(options?["step"]),
            comboOptions,
            options?["multiline"] is JsonValue m && m.GetValueKind() == JsonValueKind.True,
            extra.Count == 0 ? null : extra);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    // Ranges beyond double precision (e.g. 0xffffffffffffffff) are kept as doubles; that is what JSON readers see.
    private static double? Number(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<double>() : null;
}
