using System.Text.Json.Nodes;
using Loki.Core.Text;

namespace Loki.Core.Config;

/// <summary>Writes a <see cref="NodeConfig"/> as the canonical <c>&lt;n&gt;.json</c> text (deterministic).</summary>
public static class NodeConfigWriter
{
    /// <summary>Builds the JSON document of <paramref name="config"/>; known fields first, then the extras as read.</summary>
    public static JsonObject ToJson(NodeConfig config)
    {
        var root = new JsonObject
        {
            ["node_name"] = config.NodeName,
            ["version"] = config.Version,
        };
        if (config.Description is not null)
        {
            root["description"] = config.Description;
        }

        if (config.Category is not null)
        {
            root["category"] = config.Category;
        }

        root["device"] = config.Device;
        if (config.OutputNode)
        {
            root["output_node"] = true;
        }

        root["inputs"] = Ports(config.Inputs, isInput: true);
        root["outputs"] = Ports(config.Outputs, isInput: false);
        if (config.Comfy is { } comfy)
        {
            root["comfy"] = new JsonObject { ["class"] = comfy.ClassType, ["pack"] = comfy.Pack };
        }

        if (!config.Examples.IsEmpty)
        {
            var examples = new JsonArray();
            foreach (var e in config.Examples)
            {
                var item = new JsonObject { ["name"] = e.Name, ["inputs"] = e.Inputs.DeepClone() };
                if (e.Expect is not null)
                {
                    item["expect"] = e.Expect.DeepClone();
                }

                examples.Add(item);
            }

            root["examples"] = examples;
        }

        foreach (var (key, value) in config.Extra)
        {
            root[key] = value?.DeepClone();
        }

        return root;
    }

    /// <summary>The file text: indented JSON with a final newline.</summary>
    public static string Write(NodeConfig config) => CanonicalJson.Write(ToJson(config));

    private static JsonObject Ports(IEnumerable<PortSpec> ports, bool isInput)
    {
        var result = new JsonObject();
        foreach (var p in ports)
        {
            result[p.Name] = Port(p, isInput);
        }

        return result;
    }

    /// <summary>One port as written in <c>&lt;n&gt;.json</c>: known fields first, then its extras as read.</summary>
    public static JsonObject Port(PortSpec p, bool isInput)
    {
        var o = new JsonObject { ["type"] = p.Type };
        if (p.Description is not null)
        {
            o["description"] = p.Description;
        }

        if (isInput && !p.Required)
        {
            o["required"] = false;
        }

        if (p.Default is not null)
        {
            o["default"] = p.Default.DeepClone();
        }

        if (p.Min is { } min)
        {
            o["min"] = min;
        }

        if (p.Max is { } max)
        {
            o["max"] = max;
        }

        if (p.Step is { } step)
        {
            o["step"] = step;
        }

        if (!p.OptionsOrEmpty.IsEmpty)
        {
            o["options"] = new JsonArray(p.OptionsOrEmpty.Select(x => (JsonNode)x!).ToArray());
        }

        if (p.Multiline)
        {
            o["multiline"] = true;
        }

        if (p.Extra is not null)
        {
            foreach (var (key, value) in p.Extra)
            {
                o[key] = value?.DeepClone();
            }
        }

        return o;
    }
}
