using System.Text.Json.Nodes;

namespace Loki.Core.Conversion.UiToApi;

/// <summary>Where an input's value comes from: a link to a real node's output, or a promoted widget value.</summary>
/// <param name="OriginId">The execution id of the node the link leaves (null for a widget value).</param>
/// <param name="OriginSlot">The output slot.</param>
/// <param name="IsWidget">True when the input takes <paramref name="Value"/> instead of a link.</param>
/// <param name="Value">The widget value, when <paramref name="IsWidget"/>.</param>
internal readonly record struct ResolvedInput(string? OriginId, int OriginSlot, bool IsWidget = false, JsonNode? Value = null);
