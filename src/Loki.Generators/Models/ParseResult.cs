using Loki.Generators.Helpers;

namespace Loki.Generators.Models;

/// <summary>What parsing one config gave: a model (null when unusable) and diagnostics. Immutable and equatable.</summary>
/// <param name="Node">The node, or null.</param>
/// <param name="Diagnostics">Problems found, with places in the config file.</param>
public sealed record ParseResult(NodeModel? Node, EquatableArray<DiagnosticInfo> Diagnostics);
