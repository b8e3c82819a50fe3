using System.Collections.Immutable;
using Loki.Core.Config;
using Loki.Core.Flows.Schemas;

namespace Loki.Core.Flows.Interface;

/// <summary>
/// The rule of thumb for a plain workflow: legacy primitive nodes (the classic way to mark a parameter) first, then file loaders and unconnected required sockets become inputs, seeds and
/// prompt texts (and primitive nodes) become parameters with their current values as defaults; save/preview nodes
/// and nodes whose outputs go nowhere become outputs.
/// </summary>
internal static class InferredInterface
{
    public static FlowInterface Detect(DetectionContext context)
    {
        var wanted = new List<(FlowNode? Node, string Input, string BaseName, Func<string, FlowInputPort> Make)>();
        var fedByPrimitive = new HashSet<(string, string)>();
        foreach (var primitive in context.Graph.Primitives.OrderBy(p => p.Id, FlowInterfaceDetector.IdOrder))
        {
            var p = primitive;
            wanted.Add((null, p.Targets[0].Input, PrimitiveParameters.BaseName(p), name => PrimitiveParameters.Port(context, p, name)));
            fedByPrimitive.UnionWith(p.Targets);
        }

        foreach (var node in FlowInterfaceDetector.InIdOrder(context.Graph.Nodes))
        {
            var schema = context.Schemas.Find(node.ClassType);
            if (FileLoaders.FileInput(node) is { } fileInput && node.Input(fileInput)?.Link is null && !fedByPrimitive.Contains((node.Id, fileInput)))
            {
                var type = schema is { Outputs.Length: > 0 } ? schema.Outputs[0].Type : PortTypes.Image;
                var baseName = context.HasCustomTitle(node) ? PythonNames.Snake(node.Title!) : PythonNames.Snake(type);
                wanted.Add((node, fileInput, baseName, name => new FlowInputPort(
                    name, type, null, null, null, null, [], $"{type.ToLowerInvariant()} file (was {node.Input(fileInput)?.Constant})", false, null,
                    [new FlowBinding(node.Id, fileInput, 0)])));
                continue;
            }

            foreach (var input in Parameters(context, node, schema).Where(i => !fedByPrimitive.Contains((node.Id, i))))
            {
                var type = schema?.Input(input)?.Type ?? FlowInterfaceDetector.TypeOf(node.Input(input)?.Constant);
                wanted.Add((node, input, ParameterNamer.BaseName(context, node, input, type), name => FlowInterfaceDetector.WidgetParameter(context, node, input, name)));
            }

            foreach (var missing in schema?.Inputs.Where(i => i.Required && !i.IsWidget && node.Input(i.Name) is null) ?? [])
            {
                var spec = missing;
                wanted.Add((node, spec.Name, PythonNames.Snake(spec.Name), name => new FlowInputPort(
                    name, spec.Type, null, null, null, null, [], spec.Tooltip, false, null, [new FlowBinding(node.Id, spec.Name)])));
            }
        }

        var names = ParameterNamer.Assign(context, wanted.Select(w => (w.Node, w.BaseName)).ToList());
        var inputs = wanted.Select((w, i) => w.Make(names[i])).ToImmutableArray();
        return new FlowInterface(FlowInterfaceSource.Inferred, inputs, FlowInterfaceDetector.NameOutputs(Outputs(context)));
    }

    /// <summary>The widget inputs of a node that a user expects to set: seeds, prompt texts, primitive values.</summary>
    private static IEnumerable<string> Parameters(DetectionContext context, FlowNode node, FlowNodeSchema? schema)
    {
        foreach (var input in node.Inputs.Where(i => i.Link is null))
        {
            var spec = schema?.Input(input.Name);
            var isSeed = spec is { ControlAfterGenerate: true, Type: PortTypes.Int } || (spec is null && input.Name is "seed" or "noise_seed");
            var isPrompt = spec is { Type: PortTypes.String } && (spec.DynamicPrompts || (spec.Multiline && input.Name is "text" or "prompt"));
            var isPrimitive = node.ClassType.StartsWith("Primitive", StringComparison.Ordinal) && input.Name == "value" && context.Graph.ConsumersOf(node.Id).Any();
            if (isSeed || isPrompt || isPrimitive)
            {
                yield return input.Name;
            }
        }
    }

    private static IEnumerable<(string, FlowOutputPort)> Outputs(DetectionContext context)
    {
        foreach (var node in FlowInterfaceDetector.InIdOrder(context.Graph.Nodes))
        {
            var schema = context.Schemas.Find(node.ClassType);
            var isSink = schema?.OutputNode == true || node.ClassType.StartsWith("Save", StringComparison.Ordinal) || node.ClassType.StartsWith("Preview", StringComparison.Ordinal);
            if (isSink)
            {
                foreach (var o in FlowInterfaceDetector.OutputsOfSink(context, node))
                {
                    yield return o;
                }
            }
            else if (schema is { Outputs.Length: > 0 } && !context.Graph.ConsumersOf(node.Id).Any() && !FileLoaders.IsLoader(node.ClassType))
            {
                foreach (var o in FlowInterfaceDetector.OutputsOfNode(context, node))
                {
                    yield return o;
                }
            }
            else if (schema is null && !context.Graph.ConsumersOf(node.Id).Any())
            {
                // A class no schema knows, at the end of the graph: its first output is the best guess (LOKI3001 follows at validation).
                var link = new FlowLink(node.Id, 0);
                var baseName = context.HasCustomTitle(node) ? PythonNames.Snake(node.Title!) : "output";
                yield return (baseName, new FlowOutputPort(baseName, "*", link));
            }
        }
    }
}
