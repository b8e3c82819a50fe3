using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Schemas;
using Loki.Core.Workflows;

namespace Loki.Core.Conversion.UiToApi;

/// <summary>One conversion: widget values first, then virtual nodes applied, then every real node written out.</summary>
internal sealed class ConversionRun
{
    private readonly UiWorkflow _workflow;
    private readonly SchemaSet _schemas;
    private readonly UiToApiOptions _options;
    private readonly GraphFlattener _graph;
    private readonly DiagnosticBag _diagnostics;
    private readonly LinkResolver _links;
    private bool _dynamicWarned;

    public ConversionRun(UiWorkflow workflow, SchemaSet schemas, UiToApiOptions options, GraphFlattener graph, DiagnosticBag diagnostics)
    {
        _workflow = workflow;
        _schemas = schemas;
        _options = options;
        _graph = graph;
        _diagnostics = diagnostics;
        _links = new LinkResolver(workflow, graph.ById, diagnostics);
    }

    public JsonObject Build()
    {
        foreach (var node in _graph.Nodes)
        {
            FillWidgets(node);
        }

        foreach (var node in _graph.Nodes.Where(n => n.Kind == FlatNodeKind.Group))
        {
            GroupNodeLayout.ApplyInstanceWidgets(node.Group!, _schemas);
        }

        PromotedWidgets.Apply(_workflow, _graph.Nodes);
        foreach (var node in _graph.Nodes.Where(n => n.ClassType == "PrimitiveNode" && n.GroupIndex < 0))
        {
            ApplyPrimitive(node);
        }

        var prompt = new JsonObject();
        foreach (var node in _graph.Nodes)
        {
            if (node.Kind != FlatNodeKind.Real || node.Mode is 2 or 4 || node.Widgets is null)
            {
                continue;
            }

            prompt[node.Id] = new JsonObject
            {
                ["inputs"] = BuildInputs(node),
                ["class_type"] = node.ClassType,
                ["_meta"] = new JsonObject { ["title"] = Title(node) },
            };
        }

        RemoveDanglingLinks(prompt);
        if (prompt.Count == 0 && !_diagnostics.HasErrors)
        {
            _diagnostics.Warning(LokiCodes.ConvertEmptyPrompt, "the workflow holds no node that ComfyUI would run", _workflow.File, "$.nodes");
        }

        return prompt;
    }

    private void FillWidgets(FlatNode node)
    {
        switch (node.Kind)
        {
            case FlatNodeKind.Real:
                if (node.SchemaIn(_schemas) is { } schema)
                {
                    node.Widgets = WidgetMapper.Map(schema, node.Node.WidgetValues, node.Node.NamedWidgetValues, out var defaulted);
                    ReportDefaults(node, defaulted);
                    return;
                }

                node.Widgets = UiNodeWidgets.TryMap(node.Node);
                if (node.Mode is 2 or 4)
                {
                    node.Widgets ??= [];
                    return;
                }

                if (node.Widgets is null)
                {
                    _diagnostics.Error(LokiCodes.ConvertUnknownNodeType, $"node {node.Id} has type '{node.ClassType}', which no schema defines, and the workflow does not record its widget names{PackHint(node)}; pass its /object_info with --schemas", _workflow.File, node.Node.JsonPath + ".type");
                }
                else
                {
                    _diagnostics.Warning(LokiCodes.ConvertSchemaFromUiNode, $"node {node.Id} has type '{node.ClassType}', which no schema defines; converted from the widget sockets the workflow records{PackHint(node)}", _workflow.File, node.Node.JsonPath + ".type");
                }

                return;
            case FlatNodeKind.Virtual:
                node.Widgets = node.ClassType == "PrimitiveNode" && node.Node.WidgetValues is { Count: > 0 } pv
                    ? [KeyValuePair.Create("value", JsonCopy.Of(pv[0]))]
                    : [];
                return;
        }
    }

    private void ReportDefaults(FlatNode node, List<string> defaulted)
    {
        // Only a node that records values at all was saved before these widgets existed.
        if (defaulted.Count > 0 && node.Node.WidgetValues is { Count: > 0 } && node.GroupIndex < 0)
        {
            _diagnostics.Info(LokiCodes.ConvertFewerWidgetValues, $"node {node.Id} ({node.ClassType}) was saved without a value for {string.Join(", ", defaulted)}; the defaults are sent, as the frontend does", _workflow.File, node.Node.JsonPath + ".widgets_values");
        }
    }

    private static string PackHint(FlatNode node) =>
        PackCatalogue.GuessForUiNode(node.ClassType, node.Node.Properties) is { IsCore: false } guess ? $" (likely from the pack {guess})" : string.Empty;

    private void ApplyPrimitive(FlatNode primitive)
    {
        if (primitive.Graph is null || !primitive.TryGetWidget("value", out var value))
        {
            return;
        }

        // "Run widget replace on values": the frontend fills %Node.widget% patterns before pushing the value.
        if (JsonRead.Bool(primitive.Node.Properties?["Run widget replace on values"]) == true && JsonRead.String(value) is { Length: > 0 } text)
        {
            value = JsonValue.Create(FilenameTemplate.Apply(text, _graph.Nodes, Title, _options.Date));
        }

        foreach (var link in primitive.Graph.Links.Values.Where(l => l.OriginId == primitive.Node.Id && l.OriginSlot == 0).OrderBy(l => l.Id))
        {
            if (!_graph.ById.TryGetValue(GraphFlattener.Join(primitive.Path, link.TargetId), out var target))
            {
                continue;
            }

            var input = link.TargetSlot >= 0 && link.TargetSlot < target.Inputs.Count && target.Inputs[link.TargetSlot].Link == link.Id
                ? target.Inputs[link.TargetSlot]
                : target.Inputs.FirstOrDefault(i => i.Link == link.Id);
            if (input?.WidgetName is { } name)
            {
                var spec = target.SchemaIn(_schemas)?.Input(name);
                target.SetWidget(name, spec is null ? value?.DeepClone() : WidgetCallbacks.Apply(spec, value?.DeepClone()));
            }
        }
    }

    private JsonObject BuildInputs(FlatNode node)
    {
        var inputs = new JsonObject();
        var schema = node.SchemaIn(_schemas);
        foreach (var (name, raw) in node.Widgets!)
        {
            var value = JsonCopy.Of(raw);
            if (schema?.Input(name) is { } spec && spec.Flag("dynamicPrompts") && JsonRead.String(value) is { } text)
            {
                value = JsonValue.Create(DynamicText(node, name, text));
            }
            else if (_options.ApplyFilenameTemplates && name == "filename_prefix" && FilenameTemplate.SaveNodes.Contains(node.ClassType) && JsonRead.String(value) is { } prefix)
            {
                value = JsonValue.Create(FilenameTemplate.Apply(prefix, _graph.Nodes, Title, _options.Date));
            }

            inputs[name] = Wrap(value);
        }

        FrontendWidgets.AddTo(node.ClassType, inputs);
        if (schema is not null)
        {
            FrontendWidgets.AddRemoteRefresh(schema, inputs);
        }

        for (var i = 0; i < node.Inputs.Count; i++)
        {
            var input = node.Inputs[i];
            if (input.Name.Length == 0 || _links.ResolveInput(node, i) is not { } resolved)
            {
                continue;
            }

            inputs[input.Name] = resolved.IsWidget ? Wrap(JsonCopy.Of(resolved.Value)) : new JsonArray(resolved.OriginId, resolved.OriginSlot);
        }

        return inputs;
    }

    private string DynamicText(FlatNode node, string widget, string text)
    {
        if (!DynamicPrompt.HasChoices(text))
        {
            return DynamicPrompt.Process(text, _ => 0);
        }

        if (_options.DynamicPromptSeed is { } seed)
        {
            return DynamicPrompt.Resolve(text, seed);
        }

        if (!_dynamicWarned)
        {
            _dynamicWarned = true;
            _diagnostics.Warning(LokiCodes.ConvertDynamicPromptKept, $"'{widget}' of node {node.Id} holds {{a|b}} choices, which the frontend picks at random when it queues; left as written (give a seed to resolve them)", _workflow.File, node.Node.JsonPath + ".widgets_values");
        }

        return text;
    }

    private static JsonNode? Wrap(JsonNode? value) => value is JsonArray ? new JsonObject { ["__value__"] = value } : value;

    private string? Title(FlatNode node) => node.Node.Title ?? node.SchemaIn(_schemas)?.Title ?? node.ClassType;

    private static void RemoveDanglingLinks(JsonObject prompt)
    {
        List<string>? dangling = null;
        foreach (var (_, entry) in prompt)
        {
            var inputs = (JsonObject)entry!["inputs"]!;
            foreach (var (name, value) in inputs)
            {
                if (value is JsonArray { Count: 2 } a && JsonRead.Id(a[0]) is { } id && !prompt.ContainsKey(id))
                {
                    (dangling ??= []).Add(name);
                }
            }

            if (dangling is { Count: > 0 })
            {
                dangling.ForEach(name => inputs.Remove(name));
                dangling.Clear();
            }
        }
    }
}
