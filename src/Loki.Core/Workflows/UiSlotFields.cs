namespace Loki.Core.Workflows;

/// <summary>
/// The values of one input slot as read (by <see cref="UiDirectReader"/> or from the node's element): what
/// <see cref="UiNode.InputSlots"/> holds; the slot object is made from them only when <see cref="UiNode.Inputs"/> is asked for.
/// </summary>
/// <param name="Name">The slot name (empty when absent).</param>
/// <param name="Type">The slot type as text (empty when absent).</param>
/// <param name="Link">The link that feeds it, or null.</param>
/// <param name="WidgetName">The widget it belongs to, or null.</param>
internal readonly record struct UiSlotFields(string Name, string Type, long? Link, string? WidgetName)
{
    /// <summary>
    /// The widget of the input <paramref name="link"/> enters among <paramref name="inputs"/> (the one at its target slot
    /// when that input names the link, else the first that does), or null when that input is no widget or none does.
    /// </summary>
    public static string? WidgetFedBy(ReadOnlySpan<UiSlotFields> inputs, in UiLinkFields link)
    {
        var slot = link.TargetSlot;
        if (slot >= 0 && slot < inputs.Length && inputs[slot].Link == link.Id)
        {
            return inputs[slot].WidgetName;
        }

        foreach (var input in inputs)
        {
            if (input.Link == link.Id)
            {
                return input.WidgetName;
            }
        }

        return null;
    }
}
