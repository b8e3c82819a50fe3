using System.Text.Json.Nodes;

namespace Loki.Core.Flows.Ui;

/// <summary>
/// Builds a UI workflow (schema 0.4, the form the 1.27.10 frontend saves and exports): nodes with their socket
/// inputs (widget inputs listed only when linked, as in an export), outputs with their links, and the links table.
/// </summary>
internal sealed class UiGraphBuilder
{
    private readonly JsonArray _nodes = [];
    private readonly JsonArray _links = [];
    private readonly Dictionary<int, JsonObject> _byId = [];
    private int _lastLink;

    /// <summary>The node ids in creation order.</summary>
    public int LastNodeId { get; private set; }

    /// <summary>
    /// Adds a node; returns its id. <paramref name="inputs"/> are (name, type, widget) in slot order. Its <c>pos</c>
    /// and <c>size</c> are placeholders for <see cref="Loki.Core.Workflows.Layout.WorkflowLayout"/>.
    /// </summary>
    public int Node(string type, IEnumerable<(string Name, string Type, bool Widget)> inputs,
        IEnumerable<(string Name, string Type)> outputs, JsonArray? widgetValues, string? title = null)
    {
        var id = ++LastNodeId;
        var node = new JsonObject
        {
            ["id"] = id,
            ["type"] = type,
            ["pos"] = new JsonArray(0, 0),
            ["size"] = new JsonArray(0, 0),
            ["flags"] = new JsonObject(),
            ["order"] = id - 1,
            ["mode"] = 0,
            ["inputs"] = new JsonArray(inputs.Select(i => (JsonNode)Input(i.Name, i.Type, i.Widget)).ToArray()),
            ["outputs"] = new JsonArray(outputs.Select((o, k) => (JsonNode)new JsonObject { ["name"] = o.Name, ["type"] = o.Type, ["links"] = null, ["slot_index"] = k }).ToArray()),
            ["properties"] = new JsonObject { ["Node name for S&R"] = type },
        };
        if (title is not null)
        {
            node["title"] = title;
        }

        if (widgetValues is not null)
        {
            node["widgets_values"] = widgetValues;
        }

        _nodes.Add(node);
        _byId[id] = node;
        return id;
    }

    /// <summary>Links output <paramref name="fromSlot"/> of <paramref name="from"/> to the input named <paramref name="input"/> of <paramref name="to"/>.</summary>
    public void Link(int from, int fromSlot, int to, string input)
    {
        var target = _byId[to];
        var inputs = (JsonArray)target["inputs"]!;
        var slot = inputs.Select((n, i) => (n, i)).First(p => p.n!["name"]!.ToString() == input).i;
        var output = (JsonObject)((JsonArray)_byId[from]["outputs"]!)[fromSlot]!;
        var type = output["type"]!.ToString();
        var id = ++_lastLink;
        ((JsonObject)inputs[slot]!)["link"] = id;
        if (output["links"] is not JsonArray list)
        {
            list = [];
            output["links"] = list;
        }

        list.Add(id);
        _links.Add(new JsonArray(id, from, fromSlot, to, slot, type));
    }

    /// <summary>Removes the widget inputs nothing links to (the exported form lists a widget input only when linked).</summary>
    public JsonObject Build(JsonObject extra)
    {
        foreach (var node in _nodes.OfType<JsonObject>())
        {
            var inputs = (JsonArray)node["inputs"]!;
            for (var i = inputs.Count - 1; i >= 0; i--)
            {
                if (inputs[i]!["widget"] is not null && inputs[i]!["link"] is null)
                {
                    inputs.RemoveAt(i);
                }
            }
        }

        // Link target slots are positions in the compressed input lists.
        foreach (var link in _links.OfType<JsonArray>())
        {
            var target = (JsonArray)_byId[link[3]!.GetValue<int>()]["inputs"]!;
            var id = link[0]!.GetValue<int>();
            link[4] = target.Select((n, i) => (n, i)).First(p => p!.n!["link"] is JsonValue v && v.GetValue<int>() == id).i;
        }

        return new JsonObject
        {
            ["id"] = "00000000-0000-4000-8000-000000000000",
            ["revision"] = 0,
            ["last_node_id"] = LastNodeId,
            ["last_link_id"] = _lastLink,
            ["nodes"] = _nodes,
            ["links"] = _links,
            ["groups"] = new JsonArray(),
            ["config"] = new JsonObject(),
            ["extra"] = extra,
            ["version"] = 0.4,
        };
    }

    private static JsonObject Input(string name, string type, bool widget)
    {
        var o = new JsonObject { ["name"] = name, ["type"] = type };
        if (widget)
        {
            o["widget"] = new JsonObject { ["name"] = name };
        }

        o["link"] = null;
        return o;
    }
}
