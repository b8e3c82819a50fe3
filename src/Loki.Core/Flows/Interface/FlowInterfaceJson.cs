using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Loki.Core.Flows.Interface;

/// <summary>Writes a <see cref="FlowInterface"/> as JSON (<c>loki inspect --interface --json</c>) and as text.</summary>
public static class FlowInterfaceJson
{
    /// <summary>The JSON form: <c>{"source", "inputs": {name: {...,"bind": [...]}}, "outputs": {name: {...}}}</c>.</summary>
    public static JsonObject ToJson(FlowInterface flow)
    {
        var inputs = new JsonObject();
        foreach (var p in flow.Inputs)
        {
            inputs[p.Name] = InputPort(p);
        }

        var outputs = new JsonObject();
        foreach (var p in flow.Outputs)
        {
            outputs[p.Name] = OutputPort(p);
        }

        return new JsonObject { ["source"] = SourceName(flow.Source), ["inputs"] = inputs, ["outputs"] = outputs };
    }

    /// <summary>One input port in the shape of a <c>&lt;n&gt;.json</c> port plus <c>control_after_generate</c> and <c>bind</c>.</summary>
    public static JsonObject InputPort(FlowInputPort p)
    {
        var o = new JsonObject { ["type"] = p.Type };
        if (p.Description is not null)
        {
            o["description"] = p.Description;
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

        if (!p.Options.IsDefaultOrEmpty)
        {
            o["options"] = new JsonArray(p.Options.Select(x => (JsonNode)JsonValue.Create(x)).ToArray());
        }

        if (p.Multiline)
        {
            o["multiline"] = true;
        }

        if (p.Control is not null)
        {
            o["control_after_generate"] = p.Control;
        }

        o["bind"] = new JsonArray(p.Bindings.Select(Binding).ToArray());
        return o;
    }

    /// <summary>One output port with its <c>bind</c> (<c>{"node", "slot"}</c>).</summary>
    public static JsonObject OutputPort(FlowOutputPort p)
    {
        var o = new JsonObject { ["type"] = p.Type };
        if (p.Description is not null)
        {
            o["description"] = p.Description;
        }

        o["bind"] = new JsonObject { ["node"] = p.Source.NodeId, ["slot"] = p.Source.Slot };
        return o;
    }

    /// <summary>The name of a detection source in files and messages.</summary>
    public static string SourceName(FlowInterfaceSource source) => source switch
    {
        FlowInterfaceSource.Markers => "marker",
        FlowInterfaceSource.AppMode => "linear",
        FlowInterfaceSource.Subgraph => "subgraph",
        _ => "inferred",
    };

    /// <summary>A short human-readable listing for <c>loki inspect --interface</c>.</summary>
    public static string ToText(FlowInterface flow)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"interface ({SourceName(flow.Source)}{(flow.Source == FlowInterfaceSource.Inferred ? ": inferred, please confirm" : string.Empty)})\n");
        sb.Append("inputs:\n");
        foreach (var p in flow.Inputs)
        {
            var extra = new List<string>();
            if (p.Default is not null)
            {
                extra.Add("default " + Short(Loki.Core.Text.CanonicalJson.WriteCompact(p.Default)));
            }
            else
            {
                extra.Add("required");
            }

            if (p.Min is not null || p.Max is not null)
            {
                extra.Add(string.Create(CultureInfo.InvariantCulture, $"range [{p.Min?.ToString(CultureInfo.InvariantCulture) ?? ""}, {p.Max?.ToString(CultureInfo.InvariantCulture) ?? ""}]"));
            }

            if (p.Control is not null)
            {
                extra.Add("control " + p.Control);
            }

            var targets = string.Join(", ", p.Bindings.Select(b => b.Input is null ? $"node {b.NodeId} output {b.Output}" : $"{b.NodeId}.{b.Input}"));
            sb.Append(CultureInfo.InvariantCulture, $"  {p.Name}: {p.Type} ({string.Join(", ", extra)}) -> {targets}\n");
        }

        sb.Append("outputs:\n");
        foreach (var p in flow.Outputs)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  {p.Name}: {p.Type} <- node {p.Source.NodeId} output {p.Source.Slot}\n");
        }

        return sb.ToString();
    }

    private static JsonObject Binding(FlowBinding b)
    {
        var o = new JsonObject { ["node"] = b.NodeId };
        if (b.Input is not null)
        {
            o["input"] = b.Input;
        }

        if (b.Output is { } slot)
        {
            o["output"] = slot;
        }

        return o;
    }

    private static string Short(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
