using System.Text.Json.Nodes;

namespace Loki.Core.Workflows;

/// <summary>A read-only view of one node of a UI graph. The JSON stays the single source of truth (<see cref="Raw"/>).</summary>
public sealed class UiNode
{
    internal UiNode(JsonObject raw, string id, string jsonPath)
    {
        Raw = raw;
        Id = id;
        JsonPath = jsonPath;
        Type = JsonRead.String(raw["type"]) ?? string.Empty;
        Mode = (int)(JsonRead.Long(raw["mode"]) ?? 0);
        Inputs = ReadSlots(raw["inputs"], isInput: true);
        Outputs = ReadSlots(raw["outputs"], isInput: false);
    }

    /// <summary>The node as read.</summary>
    public JsonObject Raw { get; }

    /// <summary>The node id as text.</summary>
    public string Id { get; }

    /// <summary>Where the node sits in its file.</summary>
    public string JsonPath { get; }

    /// <summary>The node type: a class type, a subgraph definition id, or <c>workflow&gt;Name</c> for a group node.</summary>
    public string Type { get; }

    /// <summary>0 always, 2 never (muted), 4 bypass.</summary>
    public int Mode { get; }

    /// <summary>The title when the node has its own, else null.</summary>
    public string? Title => JsonRead.String(Raw["title"]);

    /// <summary>The input slots in order.</summary>
    public IReadOnlyList<UiSlot> Inputs { get; }

    /// <summary>The output slots in order.</summary>
    public IReadOnlyList<UiSlot> Outputs { get; }

    /// <summary>Positional widget values, or null when the node has none or records them as an object.</summary>
    public JsonArray? WidgetValues => Raw["widgets_values"] as JsonArray;

    /// <summary>Widget values recorded by name (some custom nodes do this), or null.</summary>
    public JsonObject? NamedWidgetValues => Raw["widgets_values"] as JsonObject;

    /// <summary>The <c>properties</c> object, or null.</summary>
    public JsonObject? Properties => Raw["properties"] as JsonObject;

    private static List<UiSlot> ReadSlots(JsonNode? node, bool isInput)
    {
        var result = new List<UiSlot>();
        if (node is not JsonArray array)
        {
            return result;
        }

        foreach (var item in array)
        {
            if (item is not JsonObject slot)
            {
                // Keep a placeholder so that slot indexes stay aligned with the file.
                result.Add(new UiSlot(string.Empty, string.Empty, null, null, new JsonObject()));
                continue;
            }

            var widget = slot["widget"] is JsonObject w ? JsonRead.String(w["name"]) : null;
            var link = isInput ? JsonRead.Long(slot["link"]) : null;
            result.Add(new UiSlot(JsonRead.String(slot["name"]) ?? string.Empty, JsonRead.Type(slot["type"]), link, widget, slot));
        }

        return result;
    }
}
