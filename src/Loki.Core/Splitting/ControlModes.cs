using System.Text.Json;
using System.Text.Json.Nodes;

namespace Loki.Core.Splitting;

/// <summary>
/// Puts each seed's <c>control_after_generate</c> mode back into a UI node made from the API form (which drops it):
/// the k-th mode widget of the new node takes the k-th mode of the node it was cut from.
/// </summary>
internal static class ControlModes
{
    private static readonly HashSet<string> Names = ["fixed", "increment", "decrement", "randomize"];

    public static void Copy(JsonArray? from, JsonObject to)
    {
        if (from is null || to["widgets_values"] is not JsonArray target)
        {
            return;
        }

        var modes = from.Select(Mode).Where(m => m is not null).ToList();
        var k = 0;
        for (var i = 0; i < target.Count && k < modes.Count; i++)
        {
            if (Mode(target[i]) is not null)
            {
                target[i] = modes[k++];
            }
        }
    }

    private static string? Mode(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.String && Names.Contains(v.GetValue<string>()) ? v.GetValue<string>() : null;
}
