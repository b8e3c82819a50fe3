using System.Text.Json;

namespace Loki.Core.Workflows;

// A node's slots: the inputs' values read from an element, and the slot objects made from them or from the outputs.
public sealed partial class UiNode
{
    private UiSlot[] MakeInputs()
    {
        var inputs = InputSlots;
        var slots = new UiSlot[inputs.Length];
        for (var i = 0; i < slots.Length; i++)
        {
            ref readonly var slot = ref inputs[i];
            slots[i] = new UiSlot(slot.Name, slot.Type, slot.Link, slot.WidgetName, this, "inputs", i);
        }

        return slots;
    }

    private static UiSlotFields[] ReadInputs(JsonElement array)
    {
        if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() is not (> 0 and var count))
        {
            return [];
        }

        var result = new UiSlotFields[count];
        var index = 0;
        foreach (var slot in array.EnumerateArray())
        {
            result[index++] = ReadSlot(slot, isInput: true);
        }

        return result;
    }

    private UiSlot[] ReadOutputs(JsonElement array)
    {
        if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() is not (> 0 and var count))
        {
            return [];
        }

        var result = new UiSlot[count];
        var index = 0;
        foreach (var slot in array.EnumerateArray())
        {
            var fields = ReadSlot(slot, isInput: false);
            result[index] = new UiSlot(fields.Name, fields.Type, fields.Link, fields.WidgetName, this, "outputs", index);
            index++;
        }

        return result;
    }

    // The keys a slot's values are read from, in the order of ReadSlot's switch.
    private static readonly byte[][] SlotKeys = ["name"u8.ToArray(), "type"u8.ToArray(), "link"u8.ToArray(), "widget"u8.ToArray()];

    // One slot's values; an entry that is not an object is an empty slot, kept so that indexes stay aligned with the file.
    private static UiSlotFields ReadSlot(JsonElement slot, bool isInput)
    {
        if (slot.ValueKind != JsonValueKind.Object)
        {
            return new UiSlotFields(string.Empty, string.Empty, null, null);
        }

        JsonElement name = default, type = default, link = default, widget = default;
        foreach (var property in slot.EnumerateObject())
        {
            switch (JsonKeyMatch.IndexOf(property, SlotKeys))
            {
                case 0: name = property.Value; break;
                case 1: type = property.Value; break;
                case 2: link = property.Value; break;
                case 3: widget = property.Value; break;
            }
        }

        var widgetName = widget.ValueKind == JsonValueKind.Object && widget.TryGetProperty("name"u8, out var w) ? JsonRead.String(w) : null;
        return new UiSlotFields(JsonRead.String(name) ?? string.Empty, JsonRead.Type(type), isInput ? JsonRead.Long(link) : null, widgetName);
    }
}
