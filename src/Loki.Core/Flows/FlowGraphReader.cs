using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Flows.Schemas;

namespace Loki.Core.Flows;

/// <summary>
/// Builds a <see cref="FlowGraph"/> from an API prompt and, when the flow was saved from the editor, the UI workflow
/// it was converted from (which alone records seed modes, App Mode's inputs and subgraph I/O).
/// </summary>
public static class FlowGraphReader
{
    /// <summary>Reads <paramref name="prompt"/>; problems with its shape are reported as LOKI1006/LOKI1007 and the node skipped.</summary>
    public static FlowGraph Read(JsonObject prompt, JsonObject? ui, FlowSchemaCatalog schemas, string file, DiagnosticBag diagnostics)
    {
        var controls = ui is null ? new Dictionary<string, JsonArray>() : UiControls.WidgetValuesById(ui);
        var nodes = ImmutableArray.CreateBuilder<FlowNode>();
        foreach (var (id, value) in prompt)
        {
            if (value is not JsonObject entry || entry["class_type"] is not JsonValue ct || ct.GetValueKind() != JsonValueKind.String)
            {
                diagnostics.Error(LokiCodes.PromptBadNode, $"node {id} has no class_type", file, $"$['{id}']");
                continue;
            }

            var inputs = ImmutableArray.CreateBuilder<FlowInput>();
            if (entry["inputs"] is JsonObject ins)
            {
                foreach (var (name, v) in ins)
                {
                    inputs.Add(AsLink(v) is { } link ? new FlowInput(name, link, null) : new FlowInput(name, null, v?.DeepClone()));
                }
            }

            var classType = ct.GetValue<string>();
            var title = entry["_meta"]?["title"] is JsonValue t && t.GetValueKind() == JsonValueKind.String ? t.GetValue<string>() : null;
            var node = new FlowNode(id, classType, title, inputs.ToImmutable(), ImmutableDictionary<string, string>.Empty);
            if (controls.TryGetValue(id, out var widgetValues))
            {
                node = node with { Controls = UiControls.Modes(node, schemas.Find(classType), widgetValues) };
            }

            nodes.Add(node);
        }

        foreach (var n in nodes)
        {
            foreach (var i in n.Inputs.Where(i => i.Link is not null && !prompt.ContainsKey(i.Link.NodeId)))
            {
                diagnostics.Error(LokiCodes.PromptLinkToMissingNode, $"input '{i.Name}' of node {n.Id} links to node {i.Link!.NodeId}, which is not in the flow", file, $"$['{n.Id}'].inputs.{i.Name}");
            }
        }

        return new FlowGraph(file, nodes.ToImmutable(), ui is null ? null : ReadAppMode(ui), ui is null ? null : SubgraphIoReader.Read(ui, prompt))
        {
            Primitives = ui is null ? [] : LegacyPrimitiveReader.Read(ui, prompt),
        };
    }

    /// <summary>A link <c>["id", slot]</c> (a numeric id is accepted too), or null for a constant.</summary>
    public static FlowLink? AsLink(JsonNode? value)
    {
        if (value is not JsonArray { Count: 2 } a || a[0] is not JsonValue idv || a[1] is not JsonValue sv)
        {
            return null;
        }

        if (!JsonNumbers.TryGetDouble(sv, out var slot) || slot != Math.Floor(slot) || slot < 0)
        {
            return null;
        }

        return idv.GetValueKind() switch
        {
            JsonValueKind.String => new FlowLink(idv.GetValue<string>(), (int)slot),
            JsonValueKind.Number => new FlowLink(idv.ToJsonString(), (int)slot),
            _ => null,
        };
    }

    private static AppModeData? ReadAppMode(JsonObject ui)
    {
        if (ui["extra"]?["linearData"] is not JsonObject linear)
        {
            return null;
        }

        var inputs = ImmutableArray.CreateBuilder<(string, string)>();
        foreach (var item in linear["inputs"] as JsonArray ?? [])
        {
            if (item is JsonArray { Count: >= 2 } pair && pair[0] is JsonValue id && pair[1] is JsonValue w)
            {
                inputs.Add((Text(id), Text(w)));
            }
        }

        var outputs = (linear["outputs"] as JsonArray ?? []).OfType<JsonValue>().Select(Text).ToImmutableArray();
        return inputs.Count == 0 && outputs.IsEmpty ? null : new AppModeData(inputs.ToImmutable(), outputs);
    }

    private static string Text(JsonValue v) => v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString();
}
