using Loki.Core.Regeneration.Generators;

namespace Loki.Core.Regeneration;

/// <summary>
/// The registry of conversions the build can run to grow a node, and of the interface readers used to check that
/// authored layers agree. Order matters: for each missing layer the first generator whose source is authored wins,
/// then the first whose source was generated in the same run. Each area adds its converter here with one line.
/// </summary>
public static class LayerGenerators
{
    /// <summary>Every conversion, in preference order.</summary>
    public static IReadOnlyList<ILayerGenerator> All { get; } =
    [
        .. PythonLayerGenerators.All,
        .. FlowLayerGenerators.All,
        new FlowFromCompositeGenerator(),
        new FlowFromNodeGenerator(),
        new InitFromNodeGenerator(),
    ];

    /// <summary>Every interface reader.</summary>
    public static IReadOnlyList<ILayerInterfaceReader> InterfaceReaders { get; } =
    [
        new ConfigInterfaceReader(),
        new FlowInterfaceReader(),
    ];
}
