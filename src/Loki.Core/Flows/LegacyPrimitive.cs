using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Loki.Core.Flows;

/// <summary>
/// A legacy frontend <c>PrimitiveNode</c> of the workflow's root graph: the classic way an author marks a widget as
/// a parameter. The API form bakes its value into each widget it feeds; the UI form alone records it.
/// </summary>
/// <param name="Id">Its UI node id.</param>
/// <param name="Title">The title the author gave it, or null.</param>
/// <param name="Value">Its value (the first of its <c>widgets_values</c>).</param>
/// <param name="Control">Its <c>control_after_generate</c> mode, when it has one.</param>
/// <param name="Targets">Every (node, widget input) it feeds that the prompt holds, in link order.</param>
public sealed record LegacyPrimitive(string Id, string? Title, JsonNode? Value, string? Control, ImmutableArray<(string NodeId, string Input)> Targets);
