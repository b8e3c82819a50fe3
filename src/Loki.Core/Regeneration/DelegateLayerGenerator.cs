using Loki.Core.Nodes;

namespace Loki.Core.Regeneration;

/// <summary>
/// An <see cref="ILayerGenerator"/> over a function, so a converter's entry point plugs in with one line in
/// <see cref="LayerGenerators"/>.
/// </summary>
/// <param name="Name">A short name for reports.</param>
/// <param name="Source">The layer read.</param>
/// <param name="Target">The layer produced.</param>
/// <param name="Convert">The conversion: context → content without header, or null with diagnostics.</param>
public sealed record DelegateLayerGenerator(
    string Name,
    NodeLayer Source,
    NodeLayer Target,
    Func<LayerGenerationContext, string?> Convert) : ILayerGenerator
{
    /// <inheritdoc/>
    public string? Generate(LayerGenerationContext context) => Convert(context);
}
