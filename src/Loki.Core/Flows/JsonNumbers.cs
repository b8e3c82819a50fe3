using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Loki.Core.Flows;

/// <summary>
/// Reads numbers from JSON nodes whether they were parsed from text or built in code (a <c>JsonValue</c> made from an
/// <c>int</c> refuses <c>GetValue&lt;double&gt;</c>), so prompts from any converter read alike.
/// </summary>
internal static class JsonNumbers
{
    /// <summary>True when <paramref name="node"/> is a JSON number; its value as a double.</summary>
    public static bool TryGetDouble(JsonNode? node, out double value)
    {
        value = 0;
        return node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            && double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
