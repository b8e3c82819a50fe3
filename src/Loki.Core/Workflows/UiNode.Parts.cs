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

        // The input slots of a node read from an element (a node the direct reader read has its in its graph's pool).
        public UiSlotFields[] OwnInputs = [];
        public JsonObject? Raw;
        public string? JsonPath;
        public JsonArray? WidgetArray;
        public JsonObject? WidgetObject;
        public JsonObject? PropertiesObject;
    }

    // The keys a view reads, found in one pass over the node's keys (the document holds no key twice: see
    // JsonSource.ParseLazy), told apart by JsonKeyMatch.
    private readonly struct Keys
    {
        public readonly JsonElement Id, Type, Mode, Order, Title, Inputs, Outputs, WidgetValues, Properties;

        // The keys in the order of the switch below.
        private static readonly byte[][] Names =
        [
            "id"u8.ToArray(), "type"u8.ToArray(), "mode"u8.ToArray(), "order"u8.ToArray(), "title"u8.ToArray(),
            "inputs"u8.ToArray(), "outputs"u8.ToArray(), "properties"u8.ToArray(), "widgets_values"u8.ToArray(),
        ];

        public Keys(JsonElement element)
        {
            foreach (var property in element.EnumerateObject())
            {
                switch (JsonKeyMatch.IndexOf(property, Names))
                {
                    case 0: Id = property.Value; break;
                    case 1: Type = property.Value; break;
                    case 2: Mode = property.Value; break;
                    case 3: Order = property.Value; break;
                    case 4: Title = property.Value; break;
                    case 5: Inputs = property.Value; break;
                    case 6: Outputs = property.Value; break;
                    case 7: Properties = property.Value; break;
                    case 8: WidgetValues = property.Value; break;
                }
            }
        }
    }
}
