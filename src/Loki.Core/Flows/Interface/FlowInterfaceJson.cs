using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Loki.Core.Config;

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
    public static JsonObject InputPort(FlowInputPort p) => NodeConfigWriter.Port(ToPortSpec(p), isInput: true);

    /// <summary>One output port with its <c>bind</c> (<c>{"node", "slot"}</c>).</summary>
    public static JsonObject OutputPort(FlowOutputPort p) => NodeConfigWriter.Port(ToPortSpec(p), isInput: false);

    /// <summary>The config-layer port of a flow input: its widget facts, plus <c>control_after_generate</c> and <c>bind</c> as extras.</summary>
    public static PortSpec ToPortSpec(FlowInputPort p)
    {
        var extra = new JsonObject();
        if (p.Control is not null)
        {
            extra["control_after_generate"] = p.Control;
        }

        extra["bind"] = new JsonArray(p.Bindings.Select(Binding).ToArray());
        return new PortSpec(p.Name, p.Type, p.Description, Required: true, p.Default?.DeepClone(), p.Min, p.Max, p.Step, p.Options, p.Multiline, extra);
    }

    /// <summary>The config-layer port of a flow output, with its <c>bind</c> as an extra.</summary>
    public static PortSpec ToPortSpec(FlowOutputPort p) =>
        new(p.Name, p.Type, p.Description, Extra: new JsonObject { ["bind"] = new JsonObject { ["node"] = p.Source.NodeId, ["slot"] = p.Source.Slot } });

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
