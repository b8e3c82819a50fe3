using Loki.Generators.Helpers;

namespace Loki.Generators.Models;

/// <summary>
/// One input or output of a node as the generated API sees it.
/// Type needs to be cacheable as a Roslyn incremental value so it must be 1) immutable and
/// 2) implement structural (pointwise) equality comparison.
/// </summary>
/// <param name="Name">The port name in the config (a Python identifier).</param>
/// <param name="Type">The ComfyUI type, upper case.</param>
/// <param name="Description">Its description, or null.</param>
/// <param name="Required">False for optional inputs.</param>
/// <param name="DefaultLiteral">The default as the literal text the emitter writes (a number, string or bool), or null.</param>
/// <param name="Min">Lower bound, as invariant text, or null.</param>
/// <param name="Max">Upper bound, as invariant text, or null.</param>
/// <param name="Options">COMBO choices in order.</param>
public sealed record PortModel(
    string Name,
    string Type,
    string? Description,
    bool Required,
    string? DefaultLiteral,
    string? Min,
    string? Max,
    EquatableArray<string> Options);
