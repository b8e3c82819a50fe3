using System.Text.Json.Nodes;
using Loki.Core.Config;
using Loki.Core.Diagnostics;
using Loki.Core.Flows;
using Loki.Core.Flows.Ui;
using Loki.Core.Schemas;
using Loki.Core.Workflows.Layout;

namespace Loki.Core.Composition;

/// <summary>
/// Turns a <see cref="CompositeScript"/> into its LOKI Flow: a <c>LokiInput</c> marker per input of the node's config
/// (fed by a loader for images and masks), one library node per call (constants as its widget values, titled after
/// the variable the script stores it in), a link for every value passed on, and a <c>LokiOutput</c> marker plus a
/// saver per output. Laid out like every flow LOKI writes. What a flow cannot say is refused with a coded warning.
/// </summary>
public static class CompositeFlowBuilder
{
    /// <summary>
    /// The UI workflow of <paramref name="script"/> (without its §6 header); null, with coded warnings in
    /// <paramref name="diagnostics"/>, when it cannot be built. <paramref name="library"/> maps node folder names to
    /// their configs.
    /// </summary>
    public static JsonObject? Build(CompositeScript script, NodeConfig config, IReadOnlyDictionary<string, NodeConfig> library, DiagnosticBag diagnostics)
    {
        if (script.Refusal is { } refusal)
        {
            diagnostics.Add(refusal);
            return null;
        }

        var check = new CompositeChecks(script, config, library);
        var outputs = check.Run();
        if (check.Problems.Count > 0 || outputs is null)
        {
            diagnostics.AddRange(check.Problems);
            return null;
        }

        var ui = new UiGraphBuilder();
        var markers = config.Inputs.ToDictionary(p => p.Name, p => NodeFlowBuilder.InputMarker(ui, p), StringComparer.Ordinal);
        var ids = new List<int>();
        foreach (var call in script.Calls)
        {
            var callee = library[call.Node];
            var constants = call.Arguments.Where(a => a.Value.Kind == CompositeValueKind.Constant)
                .ToDictionary(a => a.Key, a => a.Value.Constant, StringComparer.Ordinal);
            var id = NodeFlowBuilder.LokiNode(ui, callee, constants, call.Name);
            foreach (var (input, value) in call.Arguments.Where(a => a.Value.Kind != CompositeValueKind.Constant))
            {
                var (from, slot) = Source(value, markers, ids, script, library);
                ui.Link(from, slot, id, input);
            }

            ids.Add(id);
        }

        foreach (var port in config.Outputs)
        {
            var (from, slot) = Source(outputs[port.Name], markers, ids, script, library);
            NodeFlowBuilder.OutputMarker(ui, config.NodeName, port, from, slot);
        }

        var extra = new JsonObject
        {
            ["ds"] = new JsonObject { ["scale"] = 1, ["offset"] = new JsonArray(0, 0) },
        };
        var graph = ui.Build(extra);
        WorkflowLayout.Apply(graph, FlowLoader.WithLoki(SchemaSet.Catalogue, [config, .. script.Calls.Select(c => library[c.Node]).Distinct()]));
        return graph;
    }

    private static (int Node, int Slot) Source(CompositeValue value, Dictionary<string, int> markers, List<int> ids, CompositeScript script, IReadOnlyDictionary<string, NodeConfig> library) =>
        value.Kind == CompositeValueKind.Parameter
            ? (markers[value.Name!], 0)
            : (ids[value.Call], library[script.Calls[value.Call].Node].Outputs.Select(o => o.Name).ToList().IndexOf(value.Name!));
}
