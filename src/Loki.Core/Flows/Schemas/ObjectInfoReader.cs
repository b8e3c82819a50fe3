using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Loki.Core.Flows.Schemas;

/// <summary>Reads one <c>/object_info</c> entry into a <see cref="FlowNodeSchema"/>, keeping the widget order.</summary>
public static class ObjectInfoReader
{
    /// <summary>Reads the entry of <paramref name="classType"/>; returns null when it has no usable shape.</summary>
    public static FlowNodeSchema? Read(string classType, JsonObject entry)
    {
        var input = entry["input"] as JsonObject;
        var order = entry["input_order"] as JsonObject;
        var inputs = ImmutableArray.CreateBuilder<FlowInputSchema>();
        foreach (var section in new[] { "required", "optional" })
        {
            if (input?[section] is not JsonObject specs)
            {
                continue;
            }

            var names = order?[section] is JsonArray ordered
                ? ordered.Select(x => x?.ToString()).OfType<string>().Where(specs.ContainsKey).ToList()
                : specs.Select(p => p.Key).ToList();
            foreach (var name in names)
            {
                inputs.Add(ReadInput(name, specs[name], section == "required"));
            }
        }

        var types = Strings(entry["output"]);
        var outNames = Strings(entry["output_name"]);
        var isList = entry["output_is_list"] as JsonArray;
        var outputs = ImmutableArray.CreateBuilder<FlowOutputSchema>();
        for (var i = 0; i < types.Count; i++)
        {
            var listFlag = isList is not null && i < isList.Count && isList[i] is JsonValue v && v.TryGetValue<bool>(out var b) && b;
            outputs.Add(new FlowOutputSchema(i < outNames.Count && outNames[i].Length > 0 ? outNames[i] : types[i], types[i], listFlag));
        }

        var display = entry["display_name"] is JsonValue dv && dv.GetValueKind() == JsonValueKind.String ? dv.GetValue<string>() : null;
        var outputNode = entry["output_node"] is JsonValue on && on.TryGetValue<bool>(out var o) && o;
        var isLoki = FlowMarkers.IsMarker(classType) || (entry["loki"] is JsonValue lv && lv.TryGetValue<bool>(out var l) && l);
        return new FlowNodeSchema(classType, display, outputNode, inputs.ToImmutable(), outputs.ToImmutable(), isLoki);
    }

    private static FlowInputSchema ReadInput(string name, JsonNode? spec, bool required)
    {
        var arr = spec as JsonArray;
        var head = arr is { Count: > 0 } ? arr[0] : spec;
        var opts = arr is { Count: > 1 } ? arr[1] as JsonObject : null;
        string type;
        var options = ImmutableArray<string>.Empty;
        if (head is JsonArray list)
        {
            type = "COMBO";
            options = list.Select(x => x?.ToString() ?? string.Empty).ToImmutableArray();
        }
        else
        {
            type = head is JsonValue hv && hv.GetValueKind() == JsonValueKind.String ? hv.GetValue<string>() : "*";
            if (type == "COMBO" && opts?["options"] is JsonArray o)
            {
                options = o.Select(x => x?.ToString() ?? string.Empty).ToImmutableArray();
            }
        }

        return new FlowInputSchema(
            name,
            type,
            required,
            options,
            opts?["default"]?.DeepClone(),
            Num(opts, "min"),
            Num(opts, "max"),
            Num(opts, "step"),
            // The frontend's rule (useIntWidget): the option when given, else INT seeds by name; FLOAT never.
            type != "FLOAT" && (opts?["control_after_generate"] is JsonValue ? Flag(opts, "control_after_generate") : type == "INT" && name is "seed" or "noise_seed"),
            Flag(opts, "multiline"),
            Flag(opts, "dynamicPrompts"),
            opts?["tooltip"] is JsonValue t && t.GetValueKind() == JsonValueKind.String ? t.GetValue<string>() : null);
    }

    private static List<string> Strings(JsonNode? node) =>
        node is JsonArray a ? a.Select(x => x is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : x?.ToJsonString() ?? "*").ToList() : [];

    private static bool Flag(JsonObject? o, string key) =>
        o?[key] is JsonValue v && (v.TryGetValue<bool>(out var b) ? b : v.GetValueKind() == JsonValueKind.String);

    private static double? Num(JsonObject? o, string key) =>
        JsonNumbers.TryGetDouble(o?[key], out var d) ? d : null;
}
