using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Loki.Core.Splitting;

/// <summary>
/// Writes a sub-flow as a LOKI flow prompt: its body, a <c>LokiInput</c> marker for every value that enters it and a
/// <c>LokiOutput</c> marker for every value that leaves it (contracts §2.3.1). Marker ids follow the body's:
/// sockets, then parameters, then outputs.
/// </summary>
internal static class SubflowMarkers
{
    public const string Input = "LokiInput";
    public const string Output = "LokiOutput";

    /// <summary>The id of the <paramref name="k"/>-th input marker (0-based) of a body of <paramref name="bodyCount"/> nodes.</summary>
    public static string InputId(int bodyCount, int k) => (bodyCount + k + 1).ToString(CultureInfo.InvariantCulture);

    public static JsonObject Prompt(Subflow flow)
    {
        var prompt = (JsonObject)flow.Body.DeepClone();
        var n = flow.Body.Count;
        for (var k = 0; k < flow.Inputs.Length; k++)
        {
            var port = flow.Inputs[k];
            var id = InputId(n, k);
            if (port.IsParameter)
            {
                prompt[port.Node]!["inputs"]![port.Input!] = new JsonArray(id, 0);
            }

            prompt[id] = new JsonObject
            {
                ["inputs"] = new JsonObject
                {
                    ["name"] = port.Name, ["type"] = port.Type, ["default"] = port.IsParameter ? Text(port.Default) : "",
                    ["min"] = "", ["max"] = "", ["description"] = "",
                },
                ["class_type"] = Input,
                ["_meta"] = new JsonObject { ["title"] = port.Name },
            };
        }

        for (var k = 0; k < flow.Outputs.Length; k++)
        {
            var port = flow.Outputs[k];
            prompt[(n + flow.Inputs.Length + k + 1).ToString(CultureInfo.InvariantCulture)] = new JsonObject
            {
                ["inputs"] = new JsonObject { ["name"] = port.Name, ["value"] = new JsonArray(port.Node, port.Slot) },
                ["class_type"] = Output,
                ["_meta"] = new JsonObject { ["title"] = port.Name },
            };
        }

        return prompt;
    }

    /// <summary>A widget value as the marker's <c>default</c> text (booleans <c>true</c>/<c>false</c>, numbers invariant).</summary>
    public static string Text(JsonNode? value) => value switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.True => "true",
        JsonValue v when v.GetValueKind() == JsonValueKind.False => "false",
        JsonValue v => v.ToJsonString(),
        _ => "",
    };

    /// <summary>True for a value a marker can carry as a parameter (text, number, boolean).</summary>
    public static bool IsScalar(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False;
}
