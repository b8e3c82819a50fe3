using System.Text.Json;
using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;

namespace Loki.Core.Glamours;

/// <summary>
/// Checks a person's <c>glamour.json</c> (which the build never rewrites): it must read as JSON and be version 1
/// with an icon and the five states, or the original pack's form; every picture it names must exist. Problems are
/// warnings naming the file and the JSON path (LOKI7102, LOKI7103): a glamour a renderer cannot use leaves the node
/// veiled, it does not stop the build (hand-kept libraries hold unfinished glamour files of the original spec).
/// </summary>
public static class GlamourChecker
{
    /// <summary>Checks the glamour folder <paramref name="dir"/>.</summary>
    public static void Check(string dir, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(dir, GlamourDocument.JsonFile);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(System.IO.File.ReadAllText(path));
        }
        catch (JsonException ex)
        {
            diagnostics.Warning(LokiCodes.GlamourInvalid, $"glamour.json is not valid JSON: {ex.Message}", path, line: (int)(ex.LineNumber ?? 0) + 1);
            return;
        }

        if (root is not JsonObject doc)
        {
            diagnostics.Warning(LokiCodes.GlamourInvalid, "glamour.json must be a JSON object", path, jsonPath: "$");
            return;
        }

        if (doc["version"] is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
        {
            if (doc["node_name_internal"] is JsonValue && doc["node_display_name"] is JsonValue)
            {
                return; // the original pack's form: describes the GlamourNode, no pictures
            }

            diagnostics.Warning(LokiCodes.GlamourInvalid, "glamour.json has no numeric 'version' (1)", path, jsonPath: "$.version");
            return;
        }

        if (v.GetValue<double>() != 1)
        {
            diagnostics.Warning(LokiCodes.GlamourInvalid, $"glamour.json version {v} is not one LOKI Build reads (1)", path, jsonPath: "$.version");
            return;
        }

        Picture(doc["icon"], "$.icon", required: true);
        Picture(doc["card"], "$.card", required: false);
        if (doc["states"] is not JsonObject states)
        {
            diagnostics.Warning(LokiCodes.GlamourInvalid, "glamour.json has no 'states' object", path, jsonPath: "$.states");
            return;
        }

        foreach (var state in GlamourState.All)
        {
            if (states[state.Name] is not JsonObject s)
            {
                diagnostics.Warning(LokiCodes.GlamourInvalid, $"glamour.json has no '{state.Name}' state", path, jsonPath: $"$.states.{state.Name}");
                continue;
            }

            Picture(s["image"], $"$.states.{state.Name}.image", required: true);
        }

        void Picture(JsonNode? node, string jsonPath, bool required)
        {
            if (node is null && !required)
            {
                return;
            }

            if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String || value.GetValue<string>() is not { Length: > 0 } rel
                || rel.StartsWith('/') || rel.Split('/').Contains(".."))
            {
                diagnostics.Warning(LokiCodes.GlamourInvalid, "expected a relative path inside glamour/ (no '..')", path, jsonPath: jsonPath);
                return;
            }

            if (!System.IO.File.Exists(Path.Combine(dir, rel)))
            {
                diagnostics.Warning(LokiCodes.GlamourFileMissing, $"glamour/{rel} does not exist", path, jsonPath: jsonPath);
            }
        }
    }
}
