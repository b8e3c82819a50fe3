using System.Text.Json;
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
    private TemplateNodes? _templateNodes;

    // Every node's widget values, one run per node (FlatNode.SetWidgets): one list per thread, emptied after each
    // conversion, instead of a list per node.
    [ThreadStatic]
    private static List<PromptInput>? _pooledStore;
    private readonly List<PromptInput> _store = _pooledStore ??= new List<PromptInput>(1024);
    private Dictionary<string, string>? _filledPrefixes;

    public ConversionRun(UiWorkflow workflow, SchemaSet schemas, UiToApiOptions options, GraphFlattener graph, DiagnosticBag diagnostics)
    {
        _workflow = workflow;
        _schemas = schemas;
        _options = options;
        _graph = graph;
        _diagnostics = diagnostics;
        _links = new LinkResolver(workflow, graph.ById, diagnostics, options.RememberReroutes);
    }

    /// <summary>How many link walks took a remembered answer (<see cref="LinkResolver.Remembered"/>).</summary>
    public int Remembered => _links.Remembered;

    public ConvertedPrompt Build()
    {
        try
        {
            return BuildPrompt();
        }
        finally
        {
            // The store's values point into this workflow: let them go with it.
            _store.Clear();
        }
    }

    private ConvertedPrompt BuildPrompt()
    {
        foreach (var node in _graph.Nodes)
        {
            FillWidgets(node);
        }

        foreach (var node in _graph.Nodes)
        {
            if (node.Kind == FlatNodeKind.Group)
            {
                GroupNodeLayout.ApplyInstanceWidgets(node.Group!, _schemas);
            }
        }

        PromotedWidgets.Apply(_workflow, _graph.Nodes);
        foreach (var node in _graph.Nodes)
        {
            if (node.ClassType == "PrimitiveNode" && node.GroupIndex < 0)
            {
                PrimitiveValues.Push(node, _graph.ById, _schemas, text => FilenameTemplate.Apply(text, TemplateNodes, _options.Date));
            }
        }

        // Sized once for the most inputs the entries can have (the thread's spare array, then the exact count is kept).
        var (entries, inputs) = (0, 0);
        foreach (var node in _graph.Nodes)
        {
            if (InPrompt(node))
            {
                entries++;
                inputs += node.WidgetCount + node.Inputs.Length + 1;
            }
        }

        var prompt = new ConvertedPrompt(entries, inputs);
        foreach (var node in _graph.Nodes)
        {
            if (!InPrompt(node))
            {
                continue;
            }

            prompt.Begin(node.Id, node.ClassType, Title(node));
            BuildInputs(node, prompt);
        }

        prompt.Seal();

        // Links to nodes the prompt does not hold are taken out by the cycle check (ConvertedPrompt.HasCycle), which runs
        // on every prompt a conversion returns: taking them out here too looked every link's origin up twice.
        if (prompt.Count == 0 && !_diagnostics.HasErrors)
        {
            _diagnostics.Warning(LokiCodes.ConvertEmptyPrompt, "the workflow holds no node that ComfyUI would run", _workflow.File, "$.nodes");
        }

        return prompt;
    }

    private static bool InPrompt(FlatNode node) => node.Kind == FlatNodeKind.Real && node.Mode is not (2 or 4) && node.HasWidgets;

    private void FillWidgets(FlatNode node)
    {
        var start = _store.Count;
        switch (node.Kind)
        {
            case FlatNodeKind.Real:
                if (node.SchemaIn(_schemas) is { } schema)
                {
                    WidgetMapper.Map(schema, node.Facts!, node.Node.SavedWidgetValues, node.Node.NamedWidgetValues, _store, out var defaulted);
                    node.SetWidgets(_store, start);
                    ReportDefaults(node, defaulted);
                    return;
                }

                var recovered = UiNodeWidgets.TryMap(node.Node);
                if (recovered is not null || node.Mode is 2 or 4)
                {
                    _store.AddRange(recovered ?? []);
                    node.SetWidgets(_store, start);
                }

                if (node.Mode is 2 or 4)
                {
                    return;
                }

                if (recovered is null)
                {
                    _diagnostics.Error(LokiCodes.ConvertUnknownNodeType, $"node {node.Id} has type '{node.ClassType}', which no schema defines, and the workflow does not record its widget names{PackHint(node)}; pass its /object_info with --schemas", _workflow.File, node.Node.JsonPath + ".type");
                }
                else
                {
                    _diagnostics.Warning(LokiCodes.ConvertSchemaFromUiNode, $"node {node.Id} has type '{node.ClassType}', which no schema defines; converted from the widget sockets the workflow records{PackHint(node)}", _workflow.File, node.Node.JsonPath + ".type");
                }

                return;
            case FlatNodeKind.Virtual:
                if (PresetTextNodes.Is(node.ClassType))
                {
                    PresetTextNodes.Check(node, _diagnostics, _workflow.File);
                }

                // Only a primitive's value is ever read; other virtual nodes (most are reroutes) get no values at all.
                if (node.ClassType == "PrimitiveNode" && node.Node.SavedWidgetValues is { Count: > 0 } pv)
                {
                    _store.Add(PromptInput.Value("value", pv, 0));
                    node.SetWidgets(_store, start);
                }

                return;
        }
    }

    private void ReportDefaults(FlatNode node, List<string>? defaulted)
    {
        // Only a node that records values at all was saved before these widgets existed.
        if (defaulted is { Count: > 0 } && node.Node.SavedWidgetValues.Count > 0 && node.GroupIndex < 0)
        {
            _diagnostics.Info(LokiCodes.ConvertFewerWidgetValues, $"node {node.Id} ({node.ClassType}) was saved without a value for {string.Join(", ", defaulted)}; the defaults are sent, as the frontend does", _workflow.File, node.Node.JsonPath + ".widgets_values");
        }
    }

    private static string PackHint(FlatNode node) =>
        PackCatalogue.GuessForUiNode(node.ClassType, node.Node.Properties) is { IsCore: false } guess ? $" (likely from the pack {guess})" : string.Empty;

    private void BuildInputs(FlatNode node, ConvertedPrompt prompt)
    {
        var schema = node.SchemaIn(_schemas);
        var dynamic = schema is not null && node.Facts!.HasDynamicPrompts;

        // The entry is empty before its widgets: values mapped from a definition whose widget names are distinct are
        // added without looking for each name among those added before (most of what setting them cost).
        var distinct = schema is not null && node.Facts!.WidgetNamesDistinct;
        foreach (var widget in node.Widgets)
        {
            var name = widget.Name;
            var isDynamic = dynamic && schema!.Input(name) is { } spec && spec.Flag("dynamicPrompts");
            var value = widget;
            if (isDynamic && DynamicPrompt.IsPlain(widget))
            {
                // processing leaves it as it is: written from the document, never read into a string
            }
            else if (isDynamic && widget.AsString() is { } text)
            {
                value = PromptInput.String(name, DynamicText(node, name, text));
            }
            else if (_options.ApplyFilenameTemplates && name == "filename_prefix" && FilenameTemplate.SaveNodes.Contains(node.ClassType) && widget.AsString() is { } prefix)
            {
                value = PromptInput.String(name, FilledPrefix(prefix));
            }

            if (distinct)
            {
                prompt.Append(value);
            }
            else
            {
                prompt.Set(value);
            }
        }

        FrontendWidgets.AddTo(node.ClassType, prompt);
        if (schema is not null)
        {
            FrontendWidgets.AddRemoteRefresh(schema, prompt);
        }

        for (var i = 0; i < node.Inputs.Length; i++)
        {
            var input = node.Inputs[i];
            if (input.Name.Length == 0 || _links.ResolveInput(node, i) is not { } resolved)
            {
                continue;
            }

            prompt.Set(resolved.IsWidget ? PromptInput.Value(input.Name, resolved.Value) : PromptInput.Link(input.Name, resolved.OriginId!, resolved.OriginSlot));
        }
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

    // A prefix's patterns filled once per conversion: while the entries are written no widget changes any more, so the
    // same prefix fills the same way (a large workflow's save nodes often share one, each filled by regex before).
    private string FilledPrefix(string prefix)
    {
        if (!prefix.Contains('%'))
        {
            return prefix;
        }

        var filled = _filledPrefixes ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (!filled.TryGetValue(prefix, out var text))
        {
            filled[prefix] = text = FilenameTemplate.Apply(prefix, TemplateNodes, _options.Date);
        }

        return text;
    }

    // The nodes filename patterns name, looked up once per conversion.
    private TemplateNodes TemplateNodes => _templateNodes ??= new TemplateNodes(_graph.Nodes, Title);

    private string? Title(FlatNode node) => node.Node.Title ?? node.SchemaIn(_schemas)?.Title ?? node.ClassType;
}
