using System.Text.Json.Nodes;

namespace Loki.Core.Schemas;

/// <summary>Turns one <c>/object_info</c> entry into a <see cref="NodeSchema"/>.</summary>
internal static class NodeSchemaParser
{
    /// <summary>Why a definition that is not a JSON object is skipped.</summary>
    public const string NotAnObject = "a node definition must be an object";

    /// <summary>Why a definition with a bad or no <c>input</c> (and no <c>output</c>) is skipped.</summary>
    public const string NoInputObject = "a node definition needs an 'input' object";

    private static readonly string[] Sections = ["required", "optional"];

    /// <summary>Parses <paramref name="def"/>; returns null with a reason when it is not a node definition.</summary>
    public static NodeSchema? TryParse(string classType, JsonNode? def, out string? problem)
    {
        problem = null;
        if (def is not JsonObject obj)
        {
            problem = NotAnObject;
            return null;
        }

        if (obj["input"] is not (null or JsonObject) || (obj["input"] is null && obj["output"] is null))
        {
            problem = NoInputObject;
            return null;
        }

        var bySection = new Dictionary<string, List<InputSpec>>();
        if (obj["input"] is JsonObject input)
        {
            foreach (var section in Sections)
            {
                var list = new List<InputSpec>();
                if (input[section] is JsonObject entries)
                {
                    foreach (var (name, spec) in entries)
                    {
                        list.Add(ParseInput(name, spec, section));
                    }
                }

                bySection[section] = list;
            }
        }

        var order = obj["input_order"] as JsonObject;
        var inputs = Order(bySection, section => order?[section] is JsonArray names ? names.Select(n => n is JsonValue v && v.TryGetValue(out string? name) ? name : null) : null);
        var outputs = ParseOutputs(obj);
        var isOutput = obj["output_node"] is JsonValue o && o.TryGetValue(out bool b) && b;
        var display = obj["display_name"] is JsonValue d && d.TryGetValue(out string? s) ? s : null;
        return new NodeSchema(classType, display, inputs, outputs, isOutput, obj);
    }

    private static InputSpec ParseInput(string name, JsonNode? spec, string section)
    {
        JsonNode? head = spec is JsonArray arr && arr.Count > 0 ? arr[0] : spec;
        var options = spec is JsonArray a2 && a2.Count > 1 ? a2[1] as JsonObject : null;
        if (head is JsonArray choices)
        {
            return new InputSpec(name, "COMBO", options, choices, section);
        }

        var type = head is JsonValue v && v.TryGetValue(out string? t) ? t : "*";
        var v3Choices = type == "COMBO" ? options?["options"] as JsonArray : null;
        return new InputSpec(name, type, options, v3Choices, section);
    }

    /// <summary>
    /// The inputs in widget order: each section's names in <paramref name="orderOf"/> (null: none given) first, in that
    /// order (names not among the inputs, and repeats, ignored), then every input not named, in key order.
    /// </summary>
    internal static List<InputSpec> Order(Dictionary<string, List<InputSpec>> bySection, Func<string, IEnumerable<string?>?> orderOf)
    {
        var result = new List<InputSpec>();
        var used = new HashSet<InputSpec>(ReferenceEqualityComparer.Instance);
        foreach (var section in Sections)
        {
            if (orderOf(section) is not { } names || !bySection.TryGetValue(section, out var specs))
            {
                continue;
            }

            foreach (var name in names)
            {
                var spec = specs.Find(x => x.Name == name);
                if (spec is not null && used.Add(spec))
                {
                    result.Add(spec);
                }
            }
        }

        foreach (var section in Sections)
        {
            if (bySection.TryGetValue(section, out var specs))
            {
                result.AddRange(specs.Where(used.Add));
            }
        }

        return result;
    }

    private static List<OutputSpec> ParseOutputs(JsonObject obj)
    {
        var types = obj["output"] as JsonArray ?? [];
        var names = obj["output_name"] as JsonArray;
        var isList = obj["output_is_list"] as JsonArray;
        var result = new List<OutputSpec>(types.Count);
        for (var i = 0; i < types.Count; i++)
        {
            var type = types[i] is JsonValue v && v.TryGetValue(out string? t) ? t : "COMBO";
            var name = names is not null && i < names.Count && names[i] is JsonValue nv && nv.TryGetValue(out string? n) ? n : type;
            var list = isList is not null && i < isList.Count && isList[i] is JsonValue lv && lv.TryGetValue(out bool l) && l;
            result.Add(new OutputSpec(name, type, list));
        }

        return result;
    }
}
