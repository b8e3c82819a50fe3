using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Loki.Core.Workflows;

// The two shapes a node view keeps beside its fields: what it makes on demand, and the keys read from an element.
public sealed partial class UiNode
{
    // What a node makes on demand; a node read from an element is given its elements here at once.
    private sealed class Extras
    {
        public const int WidgetParsed = 1, PropertiesParsed = 2, OutputsParsed = 4, All = 7;

        public JsonElement WidgetValues, Properties, Outputs;
        public int Parsed;
        public UiSlot[]? OutputSlots, InputSlots;
        public JsonObject? Raw;
        public string? JsonPath;
        public JsonArray? WidgetArray;
        public JsonObject? WidgetObject;
        public JsonObject? PropertiesObject;
    }

    // The keys a view reads, found in one pass over the node's keys (the document holds no key twice: see
    // JsonSource.ParseLazy), told apart by their bytes as written; a key written with an escape is compared as text.
    private readonly struct Keys
    {
        public readonly JsonElement Id, Type, Mode, Order, Title, Inputs, Outputs, WidgetValues, Properties;

        public Keys(JsonElement element)
        {
            foreach (var property in element.EnumerateObject())
            {
                var name = JsonMarshal.GetRawUtf8PropertyName(property);
                switch (name.Length)
                {
                    case 2 when name.SequenceEqual("id"u8): Id = property.Value; continue;
                    case 4 when name.SequenceEqual("type"u8): Type = property.Value; continue;
                    case 4 when name.SequenceEqual("mode"u8): Mode = property.Value; continue;
                    case 5 when name.SequenceEqual("order"u8): Order = property.Value; continue;
                    case 5 when name.SequenceEqual("title"u8): Title = property.Value; continue;
                    case 6 when name.SequenceEqual("inputs"u8): Inputs = property.Value; continue;
                    case 7 when name.SequenceEqual("outputs"u8): Outputs = property.Value; continue;
                    case 10 when name.SequenceEqual("properties"u8): Properties = property.Value; continue;
                    case 14 when name.SequenceEqual("widgets_values"u8): WidgetValues = property.Value; continue;
                }

                if (name.IndexOf((byte)'\\') < 0)
                {
                    continue;
                }

                if (property.NameEquals("id"u8)) { Id = property.Value; }
                else if (property.NameEquals("type"u8)) { Type = property.Value; }
                else if (property.NameEquals("mode"u8)) { Mode = property.Value; }
                else if (property.NameEquals("order"u8)) { Order = property.Value; }
                else if (property.NameEquals("title"u8)) { Title = property.Value; }
                else if (property.NameEquals("inputs"u8)) { Inputs = property.Value; }
                else if (property.NameEquals("outputs"u8)) { Outputs = property.Value; }
                else if (property.NameEquals("widgets_values"u8)) { WidgetValues = property.Value; }
                else if (property.NameEquals("properties"u8)) { Properties = property.Value; }
            }
        }
    }
}
