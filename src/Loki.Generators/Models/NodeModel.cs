using Loki.Generators.Helpers;

namespace Loki.Generators.Models;

/// <summary>
/// A LOKI node as the generated API sees it: one class with a typed <c>RunAsync</c>.
/// Type needs to be cacheable as a Roslyn incremental value so it must be 1) immutable and
/// 2) implement structural (pointwise) equality comparison.
/// </summary>
/// <param name="NodeName">Folder name (<c>image_resize</c>).</param>
/// <param name="ClassName">PascalCase class name (<c>ImageResize</c>).</param>
/// <param name="ConfigPath">The config file the model came from.</param>
/// <param name="Description">One-sentence description, or null.</param>
/// <param name="Inputs">Inputs in declaration order.</param>
/// <param name="Outputs">Outputs in declaration order.</param>
public sealed record NodeModel(
    string NodeName,
    string ClassName,
    string ConfigPath,
    string? Description,
    EquatableArray<PortModel> Inputs,
    EquatableArray<PortModel> Outputs);
