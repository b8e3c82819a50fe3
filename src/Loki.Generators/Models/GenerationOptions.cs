namespace Loki.Generators.Models;

/// <summary>
/// MSBuild settings of the consuming project, read once from the global analyzer config.
/// Type needs to be cacheable as a Roslyn incremental value so it must be 1) immutable and
/// 2) implement structural (pointwise) equality comparison.
/// </summary>
/// <param name="Namespace">Namespace of the generated API (<c>LokiGeneratedNamespace</c>, default <c>Loki.Nodes</c>).</param>
/// <param name="Python">Python interpreter baked in as the default (<c>LokiPython</c>); null means resolve at run time.</param>
public sealed record GenerationOptions(string Namespace, string? Python);
