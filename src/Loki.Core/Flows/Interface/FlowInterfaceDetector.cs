using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Flows.Schemas;

namespace Loki.Core.Flows.Interface;

/// <summary>
/// Finds a flow's signature, trying in order: marker nodes, App Mode's <c>linearData</c>, the I/O of the one subgraph
/// the flow is, and last a rule of thumb (reported as LOKI3020 so the user can confirm it).
/// </summary>
public static class FlowInterfaceDetector
{
    /// <summary>Detects the interface of <paramref name="graph"/>; errors (duplicate names, dangling output markers) go to <paramref name="diagnostics"/>.</summary>
    public static FlowInterface Detect(FlowGraph graph, FlowSchemaCatalog schemas, DiagnosticBag diagnostics)
    {
        var context = new DetectionContext(graph, schemas, diagnostics);
        if (graph.Nodes.Any(n => FlowMarkers.IsMarker(n.ClassType)))
        {
            return MarkerInterface.Detect(context);
        }

        if (graph.AppMode is { } app)
        {
            return AppModeInterface.Detect(context, app);
        }

        if (graph.Subgraph is { } subgraph)
        {
            return SubgraphInterface.Detect(context, subgraph);
        }

        var inferred = InferredInterface.Detect(context);
        diagnostics.Info(
            LokiCodes.FlowInterfaceInferred,
            $"no LokiInput/LokiOutput markers, App Mode or subgraph: the signature was inferred ({inferred.Inputs.Length} inputs, {inferred.Outputs.Length} outputs); confirm it or add markers",
            graph.File);
        return inferred;
    }

    /// <summary>Node ids in the order people number them (see <see cref="InIdOrder"/>).</summary>
    internal static IComparer<string> IdOrder => NodeIdComparer.Instance;

    /// <summary>Orders node ids the way people number them: <c>2</c> before <c>10</c>, <c>5:3</c> after <c>5</c>.</summary>
    internal static IEnumerable<FlowNode> InIdOrder(IEnumerable<FlowNode> nodes) =>
        nodes.OrderBy(n => n.Id, NodeIdComparer.Instance);

    /// <summary>The output ports for the linked inputs of an output node (<c>SaveImage.images</c> → <c>image</c>).</summary>
    internal static IEnumerable<(string BaseName, FlowOutputPort Port)> OutputsOfSink(DetectionContext context, FlowNode sink)
    {
        foreach (var input in sink.Inputs.Where(i => i.Link is not null))
        {
            var type = context.OutputType(input.Link!);
            var baseName = context.HasCustomTitle(sink) ? PythonNames.Snake(sink.Title!) : context.OutputBaseName(input.Link!);
            yield return (baseName, new FlowOutputPort(baseName, type, input.Link!, ReplacesNode: sink.Id));
        }
    }

    /// <summary>The output ports for every output of a node (a terminal node, or an App Mode output that is no sink).</summary>
    internal static IEnumerable<(string BaseName, FlowOutputPort Port)> OutputsOfNode(DetectionContext context, FlowNode node)
    {
        var schema = context.Schemas.Find(node.ClassType);
        if (schema is null)
        {
            yield break;
        }

        for (var slot = 0; slot < schema.Outputs.Length; slot++)
        {
            var link = new FlowLink(node.Id, slot);
            var baseName = schema.Outputs.Length == 1 && context.HasCustomTitle(node) ? PythonNames.Snake(node.Title!) : context.OutputBaseName(link);
            yield return (baseName, new FlowOutputPort(baseName, schema.Outputs[slot].Type, link));
        }
    }

    /// <summary>Names outputs uniquely, in order.</summary>
    internal static ImmutableArray<FlowOutputPort> NameOutputs(IEnumerable<(string BaseName, FlowOutputPort Port)> outputs)
    {
        var names = new UniqueNames();
        return outputs.Select(o => o.Port with { Name = names.Take(o.BaseName) }).ToImmutableArray();
    }

    /// <summary>A parameter bound to a widget input of a node, with the schema's range and the workflow's value as default.</summary>
    internal static FlowInputPort WidgetParameter(DetectionContext context, FlowNode node, string input, string name)
    {
        var schema = context.Schemas.Find(node.ClassType)?.Input(input);
        var constant = node.Input(input)?.Constant;
        var type = schema?.Type ?? TypeOf(constant);
        var control = schema?.ControlAfterGenerate == true || (schema is null && input is "seed" or "noise_seed")
            ? node.Controls.GetValueOrDefault(input, "fixed")
            : null;
        return new FlowInputPort(
            name,
            type,
            Unwrap(constant) ?? schema?.Default?.DeepClone(),
            Exact(schema?.Min, type),
            Exact(schema?.Max, type),
            schema?.Step,
            schema?.Options ?? [],
            schema?.Tooltip,
            schema?.Multiline == true,
            control,
            [new FlowBinding(node.Id, input)]);
    }

    /// <summary>
    /// A bound as a flow states it: integer bounds past 2^53 (seeds' 0xffffffffffffffff) are no exact double, and are
    /// the type's own limit anyway, so they are left out.
    /// </summary>
    internal static double? Exact(double? bound, string type) =>
        bound is { } b && type == "INT" && Math.Abs(b) > 9007199254740992d ? null : bound;

    /// <summary>The type of a constant when no schema says it.</summary>
    internal static string TypeOf(JsonNode? value) => value switch
    {
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => "STRING",
        JsonValue v when v.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => "BOOLEAN",
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number =>
            v.ToJsonString().Contains('.', StringComparison.Ordinal) || v.ToJsonString().Contains('e', StringComparison.OrdinalIgnoreCase) ? "FLOAT" : "INT",
        _ => "*",
    };

    /// <summary>A list constant is stored as <c>{"__value__": [...]}</c>; a default is the list itself.</summary>
    internal static JsonNode? Unwrap(JsonNode? value) =>
        value is JsonObject o && o.Count == 1 && o["__value__"] is { } inner ? inner.DeepClone() : value?.DeepClone();

    private sealed class NodeIdComparer : IComparer<string>
    {
        public static readonly NodeIdComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = (x ?? string.Empty).Split(':', '.');
            var b = (y ?? string.Empty).Split(':', '.');
            for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                var bothNumbers = long.TryParse(a[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var na)
                                  & long.TryParse(b[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var nb);
                var c = bothNumbers ? na.CompareTo(nb) : string.CompareOrdinal(a[i], b[i]);
                if (c != 0)
                {
                    return c;
                }
            }

            return a.Length.CompareTo(b.Length);
        }
    }
}
