using System.Text.Json.Nodes;
using Loki.Core.Config;

namespace Loki.Core.Flows.Schemas;

/// <summary>
/// The <c>/object_info</c> entries of LOKI's own classes: the marker nodes and the library's LOKI nodes (from their
/// <c>&lt;n&gt;.json</c>), so a workflow using them converts and validates like one using core nodes.
/// </summary>
public static class LokiObjectInfo
{
    /// <summary>The entries of <c>LokiInput</c> and <c>LokiOutput</c> (contracts §2.3: every widget is a STRING).</summary>
    public static JsonObject Markers() => new()
    {
        [FlowMarkers.Input] = new JsonObject
        {
            ["input"] = new JsonObject
            {
                ["required"] = new JsonObject
                {
                    ["name"] = Text("input"),
                    ["type"] = Text("IMAGE"),
                    ["default"] = Text(string.Empty),
                    ["min"] = Text(string.Empty),
                    ["max"] = Text(string.Empty),
                    ["description"] = Text(string.Empty),
                },
                ["optional"] = new JsonObject { ["value"] = new JsonArray("*", new JsonObject()) },
            },
            ["input_order"] = new JsonObject
            {
                ["required"] = new JsonArray("name", "type", "default", "min", "max", "description"),
                ["optional"] = new JsonArray("value"),
            },
            ["output"] = new JsonArray("*"),
            ["output_is_list"] = new JsonArray(false),
            ["output_name"] = new JsonArray("value"),
            ["name"] = FlowMarkers.Input,
            ["display_name"] = "📥 LOKI Input",
            ["category"] = "LOKI 🦊/flow",
            ["output_node"] = false,
        },
        [FlowMarkers.Output] = new JsonObject
        {
            ["input"] = new JsonObject
            {
                ["required"] = new JsonObject { ["name"] = Text("output"), ["value"] = new JsonArray("*", new JsonObject()) },
            },
            ["input_order"] = new JsonObject { ["required"] = new JsonArray("name", "value") },
            ["output"] = new JsonArray("*"),
            ["output_is_list"] = new JsonArray(false),
            ["output_name"] = new JsonArray("value"),
            ["name"] = FlowMarkers.Output,
            ["display_name"] = "📤 LOKI Output",
            ["category"] = "LOKI 🦊/flow",
            ["output_node"] = true,
        },
    };

    /// <summary>The entry of a LOKI node as ComfyUI lists it (class <c>Loki&lt;PascalCase&gt;</c>, contracts §2.2).</summary>
    public static JsonObject Entry(NodeConfig config)
    {
        var required = new JsonObject();
        var optional = new JsonObject();
        foreach (var port in config.Inputs)
        {
            (port.Required ? required : optional)[port.Name] = InputSpec(port);
        }

        var input = new JsonObject { ["required"] = required };
        var order = new JsonObject { ["required"] = new JsonArray(required.Select(p => (JsonNode)p.Key).ToArray()) };
        if (optional.Count > 0)
        {
            input["optional"] = optional;
            order["optional"] = new JsonArray(optional.Select(p => (JsonNode)p.Key).ToArray());
        }

        return new JsonObject
        {
            ["input"] = input,
            ["input_order"] = order,
            ["output"] = new JsonArray(config.Outputs.Select(p => (JsonNode)p.Type).ToArray()),
            ["output_is_list"] = new JsonArray(config.Outputs.Select(_ => (JsonNode)false).ToArray()),
            ["output_name"] = new JsonArray(config.Outputs.Select(p => (JsonNode)p.Name).ToArray()),
            ["name"] = Loki.Core.Naming.NodeNames.ToMappingKey(config.NodeName),
            ["display_name"] = config.NodeName,
            ["description"] = config.Description ?? string.Empty,
            ["category"] = "LOKI 🦊/" + (config.Category ?? "misc"),
            ["output_node"] = config.OutputNode,
            ["loki"] = true,
        };
    }

    private static JsonArray InputSpec(PortSpec port)
    {
        var o = new JsonObject();
        if (port.Default is not null)
        {
            o["default"] = port.Default.DeepClone();
        }

        if (port.Min is { } min)
        {
            o["min"] = min;
        }

        if (port.Max is { } max)
        {
            o["max"] = max;
        }

        if (port.Step is { } step)
        {
            o["step"] = step;
        }

        if (port.Multiline)
        {
            o["multiline"] = true;
        }

        if (port.Type == PortTypes.Int && (port.Name is "seed" or "noise_seed" || port.Extra?["control_after_generate"] is not null))
        {
            o["control_after_generate"] = true;
        }

        if (port.Description is not null)
        {
            o["tooltip"] = port.Description;
        }

        return port.Type == PortTypes.Combo
            ? new JsonArray(new JsonArray(port.OptionsOrEmpty.Select(x => (JsonNode)x).ToArray()), o)
            : new JsonArray(port.Type, o);
    }

    private static JsonArray Text(string def) => new("STRING", new JsonObject { ["default"] = def });
}
