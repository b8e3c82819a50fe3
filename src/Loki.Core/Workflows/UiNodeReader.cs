using System.Text.Json;

namespace Loki.Core.Workflows;

/// <summary>
/// Reads one <c>nodes</c> entry for <see cref="UiDirectReader"/>, value for value as <see cref="UiNode"/> reads it from
/// its element; the values read on demand (outputs, widget values, properties) are kept as <see cref="JsonSlice"/>s. Its
/// input slots and saved values go after the earlier nodes' in the load's memory (<see cref="LazyJsonRoot.Memory"/>),
/// which gives them to the graph when its nodes are read (<see cref="WorkflowMemory.FinishNodes"/>).
/// </summary>
internal static class UiNodeReader
{
    private const int Id = 1, Type = 2, Mode = 4, Order = 8, Title = 16, Inputs = 32, Outputs = 64, WidgetValues = 128, Properties = 256;

    /// <summary>
    /// The node of the object the reader is on (left on its end), or null when the element path must read it: no id,
    /// or a key the view reads written with an escape or twice.
    /// </summary>
    public static UiNode? Read(ref Utf8JsonReader reader, UiGraph graph, int index, LazyJsonRoot source)
    {
        var slots = source.Memory.Slots;
        var fields = new UiNodeFields { Type = string.Empty, InputsStart = slots.Count, SavedCount = -1 };
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = Key(ref reader);
            if (key < 0 || (key > 0 && (seen & key) != 0))
            {
                return null;
            }

            seen |= key;
            reader.Read();
            switch (key)
            {
                case Id: fields.Id = ReaderValues.Id(ref reader); break;
                case Type: fields.Type = ReaderValues.String(ref reader) ?? string.Empty; break;
                case Mode: fields.Mode = (int)(ReaderValues.Long(ref reader) ?? 0); break;
                case Order: fields.Order = ReaderValues.Long(ref reader); break;
                case Title: fields.Title = ReaderValues.String(ref reader); break;
                case Inputs:
                    if (!ReadInputs(ref reader, slots))
                    {
                        return null;
                    }

                    break;
                case Outputs: fields.Outputs = Slice(ref reader, source); break;
                case WidgetValues: fields.WidgetValues = ReadWidgetValues(ref reader, source, source.Memory.Saved, ref fields); break;
                case Properties: fields.Properties = Slice(ref reader, source); break;
                default: reader.Skip(); break;
            }
        }

        fields.InputsCount = slots.Count - fields.InputsStart;
        return fields.Id is null ? null : source.Memory.Node(graph, index, fields);
    }

    private static int Key(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            return -1;
        }

        var name = reader.ValueSpan;
        return name.Length switch
        {
            2 when name.SequenceEqual("id"u8) => Id,
            4 when name.SequenceEqual("type"u8) => Type,
            4 when name.SequenceEqual("mode"u8) => Mode,
            5 when name.SequenceEqual("order"u8) => Order,
            5 when name.SequenceEqual("title"u8) => Title,
            6 when name.SequenceEqual("inputs"u8) => Inputs,
            7 when name.SequenceEqual("outputs"u8) => Outputs,
            10 when name.SequenceEqual("properties"u8) => Properties,
            14 when name.SequenceEqual("widgets_values"u8) => WidgetValues,
            _ => 0,
        };
    }

    // Where the value the reader is on sits in the file (the reader is left on its last token).
    private static JsonSlice Slice(ref Utf8JsonReader reader, LazyJsonRoot source)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return new JsonSlice(source, start, (int)reader.BytesConsumed - start);
    }

    // widgets_values: where it sits (parsed only if someone asks for its element) and, for an array, where each value sits
    // and what it is, so that the converter reads and writes the values from the file's bytes (a document per node
    // before). The reader has checked every token; a nested list or object is kept whole.
    private static JsonSlice ReadWidgetValues(ref Utf8JsonReader reader, LazyJsonRoot source, LentArray<SavedValue> values, ref UiNodeFields fields)
    {
        var start = (int)reader.TokenStartIndex;
        fields.WidgetValuesKind = Kind(reader.TokenType);
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return new JsonSlice(source, start, (int)reader.BytesConsumed - start);
        }

        fields.SavedStart = values.Count;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var at = (int)reader.TokenStartIndex;
            var kind = Kind(reader.TokenType);
            switch (reader.TokenType)
            {
                case JsonTokenType.StartArray or JsonTokenType.StartObject:
                    reader.Skip();
                    values.Add(new SavedValue(at, (int)reader.BytesConsumed - at, kind, Plain: false));
                    break;
                case JsonTokenType.String:
                    var text = reader.ValueSpan;
                    var plain = !reader.ValueIsEscaped && PlainText.Is(text);
                    values.Add(new SavedValue(at, text.Length + 2, kind, plain));
                    break;
                default:
                    values.Add(new SavedValue(at, reader.ValueSpan.Length, kind, Plain: true));
                    break;
            }
        }

        fields.SavedCount = values.Count - fields.SavedStart;
        return new JsonSlice(source, start, (int)reader.BytesConsumed - start);
    }

    private static JsonValueKind Kind(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => JsonValueKind.Object,
        JsonTokenType.StartArray => JsonValueKind.Array,
        JsonTokenType.String => JsonValueKind.String,
        JsonTokenType.Number => JsonValueKind.Number,
        JsonTokenType.True => JsonValueKind.True,
        JsonTokenType.False => JsonValueKind.False,
        _ => JsonValueKind.Null,
    };

    // An entry that is not an object keeps its place as an empty slot; anything but an array is no inputs.
    private static bool ReadInputs(ref Utf8JsonReader reader, LentArray<UiSlotFields> slots)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return true;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                slots.Add(new UiSlotFields(string.Empty, string.Empty, null, null));
                continue;
            }

            if (!ReadSlot(ref reader, slots))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ReadSlot(ref Utf8JsonReader reader, LentArray<UiSlotFields> slots)
    {
        string? name = null, widget = null;
        var type = string.Empty;
        long? link = null;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = SlotKey(ref reader);
            if (key < 0 || (key > 0 && (seen & key) != 0))
            {
                return false;
            }

            seen |= key;
            reader.Read();
            switch (key)
            {
                case 1: name = ReaderValues.String(ref reader); break;
                case 2: type = ReaderValues.Type(ref reader); break;
                case 4: link = ReaderValues.Long(ref reader); break;
                case 8 when reader.TokenType == JsonTokenType.StartObject:
                    if (!ReadWidgetName(ref reader, out widget))
                    {
                        return false;
                    }

                    break;
                default: reader.Skip(); break;
            }
        }

        slots.Add(new UiSlotFields(name ?? string.Empty, type, link, widget));
        return true;
    }

    private static int SlotKey(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            return -1;
        }

        var name = reader.ValueSpan;
        return name.Length switch
        {
            4 when name.SequenceEqual("name"u8) => 1,
            4 when name.SequenceEqual("type"u8) => 2,
            4 when name.SequenceEqual("link"u8) => 4,
            6 when name.SequenceEqual("widget"u8) => 8,
            _ => 0,
        };
    }

    // widget.name, the one key of a slot's widget object the views read.
    private static bool ReadWidgetName(ref Utf8JsonReader reader, out string? name)
    {
        name = null;
        var seen = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped)
            {
                return false;
            }

            var isName = reader.ValueTextEquals("name"u8);
            if (isName && seen)
            {
                return false;
            }

            seen |= isName;
            reader.Read();
            if (isName)
            {
                name = ReaderValues.String(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return true;
    }
}
