using System.Collections.Immutable;

namespace Loki.Core.Flows.Interface;

/// <summary>
/// Legacy frontend primitives as flow inputs: named after the title the author gave one (else the widget it feeds),
/// typed and ranged from every widget it feeds (the narrowest range, the options all of them accept), its value as the
/// default and its control mode kept.
/// </summary>
internal static class PrimitiveParameters
{
    /// <summary>The base name of the input a primitive becomes.</summary>
    public static string BaseName(LegacyPrimitive primitive) =>
        !string.IsNullOrWhiteSpace(primitive.Title) && primitive.Title is not ("Primitive" or "PrimitiveNode")
            ? PythonNames.Snake(primitive.Title)
            : PythonNames.Snake(primitive.Targets[0].Input);

    /// <summary>The input port of <paramref name="primitive"/>, called <paramref name="name"/>.</summary>
    public static FlowInputPort Port(DetectionContext context, LegacyPrimitive primitive, string name)
    {
        var specs = primitive.Targets
            .Select(t => context.Graph.Node(t.NodeId) is { } node ? context.Schemas.Find(node.ClassType)?.Input(t.Input) : null)
            .OfType<Schemas.FlowInputSchema>()
            .ToList();
        var first = specs.FirstOrDefault();
        var type = first?.Type ?? FlowInterfaceDetector.TypeOf(primitive.Value);
        var options = specs.Count == 0 ? ImmutableArray<string>.Empty
            : specs.Skip(1).Aggregate((IEnumerable<string>)specs[0].Options, (acc, s) => acc.Intersect(s.Options, StringComparer.Ordinal)).ToImmutableArray();
        var min = specs.Select(s => s.Min).OfType<double>().DefaultIfEmpty().Max();
        var max = specs.Select(s => s.Max).OfType<double>().DefaultIfEmpty().Min();
        var hasMin = specs.Any(s => s.Min is not null);
        var hasMax = specs.Any(s => s.Max is not null);
        return new FlowInputPort(
            name,
            type,
            FlowInterfaceDetector.Unwrap(primitive.Value) ?? first?.Default?.DeepClone(),
            hasMin ? FlowInterfaceDetector.Exact(min, type) : null,
            hasMax ? FlowInterfaceDetector.Exact(max, type) : null,
            first?.Step,
            options,
            first?.Tooltip,
            first?.Multiline == true,
            primitive.Control,
            [.. primitive.Targets.Select(t => new FlowBinding(t.NodeId, t.Input))]);
    }
}
