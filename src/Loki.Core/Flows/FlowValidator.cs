using System.Text.Json;
using System.Text.Json.Nodes;
using Loki.Core.Config;
using Loki.Core.Diagnostics;
using Loki.Core.Flows.Schemas;

namespace Loki.Core.Flows;

/// <summary>
/// Pre-flight checks at conversion time, so a bad flow fails before anything runs: cycles, unknown node types,
/// links to slots that do not exist, required inputs nothing feeds, values out of range or not among the options.
/// </summary>
public static class FlowValidator
{
    /// <summary>Checks <paramref name="plan"/> against <paramref name="schemas"/>; returns true when no error was found.</summary>
    public static bool Validate(FlowPlan plan, FlowSchemaCatalog schemas, DiagnosticBag diagnostics)
    {
        var graph = plan.Graph;
        var before = diagnostics.Items.Count(d => d.IsError);
        FindCycle(graph, diagnostics);
        foreach (var node in graph.Nodes)
        {
            if (schemas.Find(node.ClassType) is null)
            {
                diagnostics.Error(LokiCodes.FlowUnknownNodeType, $"node {node.Id} has type '{node.ClassType}', which no schema knows (add --schemas or the LOKI library)", graph.File, $"$['{node.Id}'].class_type");
            }
        }

        foreach (var node in plan.Order)
        {
            if (schemas.Find(node.ClassType) is not { } schema)
            {
                continue;
            }

            foreach (var (name, source) in plan.InputsOf(node))
            {
                var at = $"$['{node.Id}'].inputs.{name}";
                if (source.Link is { } link && graph.Node(link.NodeId) is { } from && schemas.Find(from.ClassType) is { } fromSchema
                    && link.Slot >= fromSchema.Outputs.Length && !FlowMarkers.IsMarker(from.ClassType))
                {
                    diagnostics.Error(LokiCodes.FlowBadLinkSlot, $"input '{name}' of node {node.Id} reads output {link.Slot} of node {link.NodeId} ({from.ClassType}), which has {fromSchema.Outputs.Length}", graph.File, at);
                }

                if (source.ParameterName is null && source.Link is null && schema.Input(name) is { } spec)
                {
                    CheckConstant(node, spec, source.Constant, schema.IsLoki, graph.File, at, diagnostics);
                }
            }

            var given = plan.InputsOf(node).Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var missing in schema.Inputs.Where(i => i.Required && !given.Contains(i.Name)))
            {
                diagnostics.Error(LokiCodes.FlowMissingRequiredInput, $"required input '{missing.Name}' ({missing.Type}) of node {node.Id} ({node.ClassType}) has no value and no flow input feeds it", graph.File, $"$['{node.Id}'].inputs");
            }
        }

        if (plan.Interface.Outputs.IsEmpty)
        {
            diagnostics.Error(LokiCodes.FlowNoOutputs, "the flow has no output (add LokiOutput markers, or a Save/Preview node)", graph.File);
        }

        return diagnostics.Items.Count(d => d.IsError) == before;
    }

    private static void CheckConstant(FlowNode node, FlowInputSchema spec, JsonNode? value, bool strictOptions, string file, string at, DiagnosticBag diagnostics)
    {
        if (value is not JsonValue v)
        {
            return;
        }

        switch (spec.Type)
        {
            case PortTypes.Int or PortTypes.Float:
                double number;
                if (JsonNumbers.TryGetDouble(v, out var n))
                {
                    number = n;
                }
                else if (v.GetValueKind() == JsonValueKind.String && double.TryParse(v.GetValue<string>(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
                {
                    number = parsed;
                }
                else
                {
                    diagnostics.Error(LokiCodes.FlowBadValueType, $"input '{spec.Name}' of node {node.Id} ({node.ClassType}) needs a {spec.Type}, not {v.ToJsonString()}", file, at);
                    return;
                }

                if ((spec.Min is { } min && number < min) || (spec.Max is { } max && number > max))
                {
                    diagnostics.Error(LokiCodes.FlowValueOutOfRange, $"input '{spec.Name}' of node {node.Id} ({node.ClassType}) is {v.ToJsonString()}, outside [{spec.Min}, {spec.Max}]", file, at);
                }

                break;
            case PortTypes.Combo when !spec.Options.IsDefaultOrEmpty && v.GetValueKind() == JsonValueKind.String && !spec.Options.Contains(v.GetValue<string>()):
                // Core combos list the files of the machine the schema was dumped on; a LOKI node's options are its own.
                var message = $"input '{spec.Name}' of node {node.Id} ({node.ClassType}) is '{v.GetValue<string>()}', not one of its {spec.Options.Length} options";
                if (strictOptions)
                {
                    diagnostics.Error(LokiCodes.FlowValueNotInOptions, message, file, at);
                }
                else
                {
                    diagnostics.Warning(LokiCodes.FlowValueNotInOptions, message + " (fine when that file exists where it runs)", file, at);
                }

                break;
        }
    }

    private static void FindCycle(FlowGraph graph, DiagnosticBag diagnostics)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on the stack, 2 = done
        var stack = new List<string>();
        foreach (var start in graph.Nodes)
        {
            if (Visit(start.Id))
            {
                return;
            }
        }

        bool Visit(string id)
        {
            if (state.TryGetValue(id, out var s))
            {
                if (s == 1)
                {
                    var cycle = stack.Skip(stack.IndexOf(id)).Append(id);
                    diagnostics.Error(LokiCodes.FlowCycle, $"the flow has a cycle: {string.Join(" -> ", cycle)}", graph.File, $"$['{id}']");
                    return true;
                }

                return false;
            }

            state[id] = 1;
            stack.Add(id);
            foreach (var input in graph.Node(id)?.Inputs ?? [])
            {
                if (input.Link is { } link && graph.Node(link.NodeId) is not null && Visit(link.NodeId))
                {
                    return true;
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[id] = 2;
            return false;
        }
    }
}
