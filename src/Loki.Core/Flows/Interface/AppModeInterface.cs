using System.Collections.Immutable;
using Loki.Core.Diagnostics;
using Loki.Core.Flows.Schemas;

namespace Loki.Core.Flows.Interface;

/// <summary>The signature App Mode declares: <c>linearData.inputs</c> (node + widget) and <c>linearData.outputs</c> (node ids).</summary>
internal static class AppModeInterface
{
    public static FlowInterface Detect(DetectionContext context, AppModeData app)
    {
        var wanted = new List<(FlowNode Node, string Input, string BaseName)>();
        foreach (var (nodeId, widget) in app.Inputs)
        {
            var node = context.Graph.Node(nodeId);
            var input = node?.Input(widget);
            if (node is null || (input is null && context.Schemas.Find(node.ClassType)?.Input(widget) is null) || input?.Link is not null)
            {
                context.Diagnostics.Warning(LokiCodes.FlowAppModeBadReference, $"App Mode input {nodeId}.{widget} is not a widget value of the flow; skipped", context.Graph.File, "$.extra.linearData.inputs");
                continue;
            }

            var type = context.Schemas.Find(node.ClassType)?.Input(widget)?.Type ?? FlowInterfaceDetector.TypeOf(input?.Constant);
            wanted.Add((node, widget, ParameterNamer.BaseName(context, node, widget, type)));
        }

        var names = ParameterNamer.Assign(context, wanted.Select(w => ((FlowNode?)w.Node, w.BaseName)).ToList());
        var inputs = wanted.Select((w, i) => FlowInterfaceDetector.WidgetParameter(context, w.Node, w.Input, names[i])).ToImmutableArray();

        var outputs = new List<(string, FlowOutputPort)>();
        foreach (var id in app.Outputs)
        {
            if (context.Graph.Node(id) is not { } node)
            {
                context.Diagnostics.Warning(LokiCodes.FlowAppModeBadReference, $"App Mode output node {id} is not in the flow; skipped", context.Graph.File, "$.extra.linearData.outputs");
                continue;
            }

            var schema = context.Schemas.Find(node.ClassType);
            outputs.AddRange(schema is { Outputs.IsEmpty: true } || schema?.OutputNode == true
                ? FlowInterfaceDetector.OutputsOfSink(context, node)
                : FlowInterfaceDetector.OutputsOfNode(context, node));
        }

        return new FlowInterface(FlowInterfaceSource.AppMode, inputs, FlowInterfaceDetector.NameOutputs(outputs));
    }
}
