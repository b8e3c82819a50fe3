using System.Text.Json;
using System.Text.Json.Nodes;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Schemas;

namespace Loki.Core.Tests.Conversion;

/// <summary>
/// Compares a converted prompt with the one the frontend made, as oracle-notes.md defines it. Strict: same node ids,
/// same class types, same inputs (<c>_meta</c> ignored, numbers compared as numbers). Semantic: strict, except that
/// an input only the expected prompt has is forgiven when the class's schema no longer has it, and an input only the
/// converted prompt has is forgiven when it holds the schema default.
/// </summary>
internal static class PromptComparer
{
    /// <summary>The first difference, or null when the prompts match.</summary>
    public static string? FirstDifference(JsonObject expected, JsonObject actual, SchemaSet? semanticSchemas)
    {
        foreach (var (id, e) in expected)
        {
            if (actual[id] is not JsonObject a)
            {
                return $"node {id} ({e?["class_type"]}) missing";
            }

            var classType = e?["class_type"]?.GetValue<string>();
            if (classType != a["class_type"]?.GetValue<string>())
            {
                return $"node {id}: class_type {classType} != {a["class_type"]}";
            }

            var ei = e!["inputs"] as JsonObject ?? [];
            var ai = a["inputs"] as JsonObject ?? [];
            var schema = classType is null ? null : semanticSchemas?.Find(classType);
            foreach (var (name, ev) in ei)
            {
                if (!ai.ContainsKey(name))
                {
                    if (semanticSchemas is not null && schema is not null && schema.Input(name) is null)
                    {
                        continue;
                    }

                    return $"node {id} ({classType}): input '{name}' missing (expected {Short(ev)})";
                }

                if (!ValuesEqual(ev, ai[name]))
                {
                    return $"node {id} ({classType}): input '{name}' = {Short(ai[name])}, expected {Short(ev)}";
                }
            }

            foreach (var (name, av) in ai)
            {
                if (ei.ContainsKey(name))
                {
                    continue;
                }

                if (semanticSchemas is not null && schema?.Input(name) is { } spec && ValuesEqual(WidgetMapper.DefaultOf(spec), av))
                {
                    continue;
                }

                return $"node {id} ({classType}): extra input '{name}' = {Short(av)}";
            }
        }

        foreach (var (id, a) in actual)
        {
            if (!expected.ContainsKey(id))
            {
                return $"extra node {id} ({a?["class_type"]})";
            }
        }

        return null;
    }

    /// <summary>Deep equality with numbers compared by value.</summary>
    public static bool ValuesEqual(JsonNode? x, JsonNode? y)
    {
        if (x is null || y is null)
        {
            return x is null && y is null;
        }

        return (x, y) switch
        {
            (JsonObject ox, JsonObject oy) => ox.Count == oy.Count && ox.All(p => oy.ContainsKey(p.Key) && ValuesEqual(p.Value, oy[p.Key])),
            (JsonArray ax, JsonArray ay) => ax.Count == ay.Count && ax.Zip(ay).All(p => ValuesEqual(p.First, p.Second)),
            (JsonValue vx, JsonValue vy) when vx.GetValueKind() == JsonValueKind.Number && vy.GetValueKind() == JsonValueKind.Number =>
                decimal.TryParse(vx.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var dx) && decimal.TryParse(vy.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var dy) ? dx == dy : vx.ToJsonString() == vy.ToJsonString(),
            (JsonValue vx, JsonValue vy) => JsonNode.DeepEquals(vx, vy),
            _ => false,
        };
    }

    private static string Short(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length > 60 ? text[..57] + "..." : text;
    }
}
