using System.Collections.Immutable;
using Loki.Core.Diagnostics;

namespace Loki.Core.Flows.Interface;

/// <summary>The signature of a flow that is one subgraph: the subgraph's declared inputs and outputs.</summary>
internal static class SubgraphInterface
{
    public static FlowInterface Detect(DetectionContext context, SubgraphIo subgraph)
    {
        var used = subgraph.Inputs.Where(i => !i.Targets.IsEmpty).ToList();
        foreach (var unused in subgraph.Inputs.Where(i => i.Targets.IsEmpty))
        {
            context.Diagnostics.Warning(LokiCodes.FlowSubgraphInputUnused, $"subgraph input '{unused.Name}' feeds nothing; left out", context.Graph.File);
        }

        var names = ParameterNamer.Assign(context, used.Select(i => ((FlowNode?)null, PythonNames.Snake(i.Name))).ToList());
        var inputs = ImmutableArray.CreateBuilder<FlowInputPort>();
        for (var k = 0; k < used.Count; k++)
        {
            var (_, type, targets) = used[k];
            var first = context.Graph.Node(targets[0].NodeId)!;
            var port = FlowInterfaceDetector.WidgetParameter(context, first, targets[0].Input, names[k]);
            inputs.Add(port with
            {
                Type = type is "*" or "" ? port.Type : type,
                Bindings = targets.Select(t => new FlowBinding(t.NodeId, t.Input)).ToImmutableArray(),
            });
        }

        var outputs = new List<(string, FlowOutputPort)>();
        foreach (var (name, type, source) in subgraph.Outputs)
        {
            if (source is null)
            {
                context.Diagnostics.Error(LokiCodes.FlowOutputUnconnected, $"subgraph output '{name}' has nothing connected", context.Graph.File);
                continue;
            }

            var baseName = PythonNames.Snake(name);
            outputs.Add((baseName, new FlowOutputPort(baseName, type is "*" or "" ? context.OutputType(source) : type, source)));
        }

        return new FlowInterface(FlowInterfaceSource.Subgraph, inputs.ToImmutable(), FlowInterfaceDetector.NameOutputs(outputs));
    }
}
