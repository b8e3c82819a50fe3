using System.Text.Json;
using System.Text.Json.Nodes;
using Loki.Core.Workflows;

namespace Loki.Core.Schemas;

/// <summary>
/// Reads one definition's UTF-8 text into a <see cref="NodeSchema"/> the way <see cref="NodeSchemaParser"/> reads its
/// nodes, from the parsed element (issue 10: a definition was made into a string, parsed, copied whole into nodes and
/// then read through them; now nothing but the inputs' options and choices becomes nodes, the whole tree only on demand).
/// Only text whose every key is distinct is read here: with a key written twice, the nodes keep the first place and the
/// last value, which the element does not say; such text, and text that is not valid JSON, is left to the caller's
/// node path, whose results and errors stay the reference (NodeSchemaReaderTests compare the two on every corpus dump).
/// </summary>
internal static class NodeSchemaReader
{
    private static readonly string[] Sections = ["required", "optional"];

    /// <summary>
    /// Reads <paramref name="utf8"/>: true with the schema, or with null and the reason it is not a definition; false
    /// when the text must go the node path.
    /// </summary>
    public static bool TryRead(string classType, ReadOnlyMemory<byte> utf8, out NodeSchema? schema, out string? problem)
    {
        (schema, problem) = (null, null);
        if (JsonSource.TryParseUnique(utf8) is not { ValueKind: JsonValueKind.Object } def)
        {
            return false;
        }

        var input = Property(def, "input");
        if (input is { ValueKind: not JsonValueKind.Object } || (input is null && Property(def, "output") is null))
        {
            problem = NodeSchemaParser.NoInputObject;
            return true;
        }

        var bySection = new Dictionary<string, List<InputSpec>>();
        if (input is { } sections)
        {
            foreach (var section in Sections)
            {
                var list = new List<InputSpec>();
                if (Property(sections, section) is { ValueKind: JsonValueKind.Object } entries)
                {
                    foreach (var entry in entries.EnumerateObject())
                    {
                        list.Add(ReadInput(entry.Name, entry.Value, section));
                    }
                }

                bySection[section] = list;
            }
        }

        var order = Property(def, "input_order") is { ValueKind: JsonValueKind.Object } o ? o : (JsonElement?)null;
        var inputs = NodeSchemaParser.Order(bySection, section => order is { } sections && Property(sections, section) is { ValueKind: JsonValueKind.Array } names ? names.EnumerateArray().Select(n => Text(n)) : null);
        var isOutput = Property(def, "output_node") is { ValueKind: JsonValueKind.True };
        var display = Property(def, "display_name") is { ValueKind: JsonValueKind.String } d ? d.GetString() : null;
        schema = new NodeSchema(classType, display, inputs, ReadOutputs(def), isOutput, new RawDefinition(def));
        return true;
    }

    // A property as the node path sees it: JSON null is no value.
    private static JsonElement? Property(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string? Text(JsonElement? value) => value is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;

    private static InputSpec ReadInput(string name, JsonElement spec, string section)
    {
        // As the node path: the head is the first item of a non-empty array, else the spec itself (so an empty array
        // is a combo with no choices).
        var length = spec.ValueKind == JsonValueKind.Array ? spec.GetArrayLength() : 0;
        var head = length > 0 ? spec[0] : spec;
        var options = length > 1 && spec[1].ValueKind == JsonValueKind.Object ? (JsonObject)JsonSource.BuildNode(spec[1])! : null;
        if (head is { ValueKind: JsonValueKind.Array } choices)
        {
            return new InputSpec(name, "COMBO", options, (JsonArray)JsonSource.BuildNode(choices)!, section);
        }

        var type = Text(head) ?? "*";
        var v3Choices = type == "COMBO" ? options?["options"] as JsonArray : null;
        return new InputSpec(name, type, options, v3Choices, section);
    }

    private static List<OutputSpec> ReadOutputs(JsonElement def)
    {
        var types = Property(def, "output") is { ValueKind: JsonValueKind.Array } t ? t : (JsonElement?)null;
        var names = Property(def, "output_name") is { ValueKind: JsonValueKind.Array } n ? n : (JsonElement?)null;
        var isList = Property(def, "output_is_list") is { ValueKind: JsonValueKind.Array } l ? l : (JsonElement?)null;
        var count = types?.GetArrayLength() ?? 0;
        var result = new List<OutputSpec>(count);
        for (var i = 0; i < count; i++)
        {
            var type = Text(types!.Value[i]) ?? "COMBO";
            var name = (names is { } ns && i < ns.GetArrayLength() ? Text(ns[i]) : null) ?? type;
            var list = isList is { } ls && i < ls.GetArrayLength() && ls[i].ValueKind == JsonValueKind.True;
            result.Add(new OutputSpec(name, type, list));
        }

        return result;
    }
}
