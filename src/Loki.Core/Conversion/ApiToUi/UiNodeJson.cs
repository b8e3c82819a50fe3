using System.Text.Json.Nodes;

namespace Loki.Core.Conversion.ApiToUi;

/// <summary>Writes one planned node as the frontend serialises it (<c>LGraphNode.serialize</c>, uncompressed sockets).</summary>
internal static class UiNodeJson
{
    /// <remarks><c>pos</c>, <c>size</c> and <c>order</c> are placeholders until the layout fills them in.</remarks>
    public static JsonObject Build(NodePlan plan, ILookup<string, UiLinkPlan> linksIn, ILookup<string, UiLinkPlan> linksOut)
    {
        var inputs = new JsonArray();
        for (var slot = 0; slot < plan.Inputs.Count; slot++)
        {
            var socket = plan.Inputs[slot];
            var link = linksIn[plan.Id].FirstOrDefault(l => l.TargetSlot == slot);
            var json = new JsonObject { ["name"] = socket.Name, ["type"] = socket.Type };
            if (socket.IsWidget)
            {
                json["widget"] = new JsonObject { ["name"] = socket.Name };
            }

            json["link"] = link?.Id;
            inputs.Add(json);
        }

        var outputs = new JsonArray();
        for (var slot = 0; slot < plan.Outputs.Count; slot++)
        {
            var (name, type) = plan.Outputs[slot];
            var ids = linksOut[plan.Id].Where(l => l.OriginSlot == slot).Select(l => (JsonNode)JsonValue.Create(l.Id)).ToArray();
            outputs.Add(new JsonObject { ["name"] = name, ["type"] = type, ["links"] = new JsonArray(ids), ["slot_index"] = slot });
        }

        var node = new JsonObject
        {
            ["id"] = ApiToUiConverter.IdValue(plan.Id),
            ["type"] = plan.ClassType,
            ["pos"] = new JsonArray(0, 0),
            ["size"] = new JsonArray(0, 0),
            ["flags"] = new JsonObject(),
            ["order"] = 0,
            ["mode"] = 0,
            ["inputs"] = inputs,
            ["outputs"] = outputs,
        };
        var defaultTitle = plan.Schema?.Title ?? plan.ClassType;
        if (plan.Title is { } title && title != defaultTitle)
        {
            node["title"] = title;
        }

        node["properties"] = new JsonObject { ["Node name for S&R"] = plan.ClassType };
        if (plan.WidgetValues is { } values)
        {
            node["widgets_values"] = values;
        }

        return node;
    }
}
