using System.Collections.Immutable;

namespace Loki.Core.Splitting;

/// <summary>One use of a sub-flow: the node that stands for it and which nodes of the split it replaced.</summary>
/// <param name="Id">The instance node's id (unique over the whole split).</param>
/// <param name="Definition">The <see cref="Subflow.Index"/> it uses.</param>
/// <param name="Members">Each inner node id of the definition → the id it had before folding (an original id, or a nested instance's id).</param>
public sealed record SubflowInstance(string Id, int Definition, ImmutableDictionary<string, string> Members);
