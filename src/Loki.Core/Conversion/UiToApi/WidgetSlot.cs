using Loki.Core.Schemas;

namespace Loki.Core.Conversion.UiToApi;

/// <summary>What one <c>widgets_values</c> position holds.</summary>
internal enum WidgetSlotKind
{
    /// <summary>The value of an input.</summary>
    Value,

    /// <summary>A <c>control_after_generate</c> mode (or a legacy boolean).</summary>
    Control,

    /// <summary>A combo's <c>control_filter_list</c> text.</summary>
    Filter,

    /// <summary>An upload button (<c>"image"</c>, <c>""</c>); never sent.</summary>
    Upload,
}

/// <summary>One position of a node's <c>widgets_values</c> and the input it belongs to.</summary>
/// <param name="Kind">What the position holds.</param>
/// <param name="Input">The input it belongs to (for control and filter slots, the input they follow).</param>
/// <param name="Key">The input's name as <see cref="SchemaWidgetFacts.Keys"/> gives it (-1 when not a value slot).</param>
internal sealed record WidgetSlot(WidgetSlotKind Kind, InputSpec? Input, int Key = -1);
