using System.Collections.Immutable;
using Loki.Core.Packaging.Flows;

namespace Loki.Core.Glamours;

/// <summary>
/// A flow's compounding metaphor: its inner nodes laid out as the flow's own graph (the project's layout, the sizes
/// the frontend gives them), each LOKI node drawn with its own glamour icon. Nested flows compose recursively
/// because an inner flow node's icon is itself composed.
/// </summary>
/// <param name="Sketch">The laid-out graph.</param>
/// <param name="LokiNodes">Inner node class (<c>LokiImageBlur</c>) → the library node drawn for it (<c>image_blur</c>).</param>
public sealed record FlowComposition(FlowSketch Sketch, ImmutableSortedDictionary<string, string> LokiNodes)
{
    /// <summary>Classes that are a flow's border or annotations, never its parts.</summary>
    internal static readonly HashSet<string> Markers = new(StringComparer.Ordinal) { "LokiInput", "LokiOutput", "Note", "MarkdownNote", "Reroute" };

    /// <summary>The inner nodes drawn as parts: every node but the flow's border markers, notes and reroutes.</summary>
    public System.Collections.Immutable.ImmutableArray<FlowSketch.Box> Parts => [.. Sketch.Nodes.Where(n => !Markers.Contains(n.Type))];

    /// <summary>The library nodes used, each once, sorted.</summary>
    public IEnumerable<string> UsedNodes => Sketch.Nodes.Select(n => LokiNodes.GetValueOrDefault(n.Type)).OfType<string>().Distinct().Order(StringComparer.Ordinal);
}
