using System.Collections.Immutable;

namespace Loki.Core.Composition;

/// <summary>One call of a library node in a composite script's <c>run()</c>: one node of the flow.</summary>
/// <param name="Node">The called node's folder name (<c>image_levels</c>).</param>
/// <param name="Name">The variable the script stores its result in (the flow node's title), or null.</param>
/// <param name="Line">The line of the call in the script.</param>
/// <param name="Arguments">Input name → value, in the order the script writes them.</param>
public sealed record CompositeCall(string Node, string? Name, int Line, ImmutableArray<KeyValuePair<string, CompositeValue>> Arguments);
