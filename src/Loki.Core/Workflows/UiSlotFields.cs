namespace Loki.Core.Workflows;

/// <summary>What <see cref="UiDirectReader"/> read of one input slot, before the slot is made with its node as owner.</summary>
/// <param name="Name">The slot name (empty when absent).</param>
/// <param name="Type">The slot type as text (empty when absent).</param>
/// <param name="Link">The link that feeds it, or null.</param>
/// <param name="WidgetName">The widget it belongs to, or null.</param>
internal readonly record struct UiSlotFields(string Name, string Type, long? Link, string? WidgetName);
