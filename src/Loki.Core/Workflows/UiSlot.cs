using System.Text.Json.Nodes;

namespace Loki.Core.Workflows;

/// <summary>A read-only view of one input or output slot of a UI node.</summary>
/// <param name="Name">The slot name (for a widget socket, the input name).</param>
/// <param name="Type">The slot type (<c>IMAGE</c>, <c>*</c>, <c>INT,FLOAT</c>); empty when absent.</param>
/// <param name="Link">For an input, the id of the link that feeds it, or null.</param>
/// <param name="WidgetName">The widget this socket belongs to (<c>widget.name</c>), or null for a plain socket.</param>
/// <param name="Raw">The slot object as read.</param>
public sealed record UiSlot(string Name, string Type, long? Link, string? WidgetName, JsonObject Raw);
