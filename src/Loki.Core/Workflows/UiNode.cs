using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Loki.Core.Workflows;

/// <summary>
/// A read-only view of one node of a UI graph, read straight from the parsed document: what converters read (type,
/// mode, order, title, slots, widget values, properties) comes from the element; the mutable <see cref="Raw"/> object
/// is looked up in its graph only when someone asks for it.
/// </summary>
public sealed class UiNode : IUiRaw
{
    private readonly UiGraph? _graph;
    private readonly int _index;
    private JsonElement _widgetValues;
    private JsonElement _properties;
    private JsonElement _outputsElement;

    // Set by the direct reader: where the values above sit in the file, parsed on first use (then cleared).
    private JsonSlice _widgetSlice, _propertiesSlice, _outputsSlice;
    private readonly JsonValueKind _widgetKind;

    // Set by the direct reader for a widgets_values array: each value's place in the file (see SavedValues).
    private readonly SavedValue[]? _saved;
    private readonly LazyJsonRoot? _file;
    private UiSlot[]? _outputs;
    private JsonObject? _raw;
    private string? _jsonPath;
    private JsonArray? _widgetArray;
    private JsonObject? _widgetObject;
    private JsonObject? _propertiesObject;

    /// <summary>A node given as an object (a group-node definition's inner node).</summary>
    internal UiNode(JsonObject raw, string id, string jsonPath)
        : this(new Keys(JsonSource.ElementOf(raw)), null, -1, id, jsonPath)
    {
        _raw = raw;
    }

    /// <summary>Node <paramref name="index"/> of <paramref name="graph"/>'s <c>nodes</c>, read from its element, with the id given.</summary>
    internal UiNode(JsonElement element, UiGraph? graph, int index, string id, string? jsonPath)
        : this(new Keys(element), graph, index, id, jsonPath)
    {
    }

    private UiNode(in Keys keys, UiGraph? graph, int index, string id, string? jsonPath)
    {
        _graph = graph;
        _index = index;
        _jsonPath = jsonPath;
        Id = id;
        Title = JsonRead.String(keys.Title);
        _widgetValues = keys.WidgetValues;
        _properties = keys.Properties;
        Type = JsonRead.String(keys.Type) ?? string.Empty;
        Mode = (int)(JsonRead.Long(keys.Mode) ?? 0);
        Order = JsonRead.Long(keys.Order);
        Inputs = ReadSlots(keys.Inputs, isInput: true);
        _outputsElement = keys.Outputs;
    }

    /// <summary>
    /// Node <paramref name="index"/> of <paramref name="graph"/>'s <c>nodes</c> as <see cref="UiDirectReader"/> read it
    /// from the file's bytes (<paramref name="fields"/> with an id; <paramref name="inputs"/> its input slots).
    /// </summary>
    internal UiNode(UiGraph graph, int index, in UiNodeFields fields, ReadOnlySpan<UiSlotFields> inputs)
    {
        _graph = graph;
        _index = index;
        Id = fields.Id!;
        Type = fields.Type;
        Mode = fields.Mode;
        Order = fields.Order;
        Title = fields.Title;
        _widgetSlice = fields.WidgetValues;
        _widgetKind = fields.WidgetValuesKind;
        _saved = fields.SavedValues;
        _file = fields.Source;
        _propertiesSlice = fields.Properties;
        _outputsSlice = fields.Outputs;
        if (inputs.IsEmpty)
        {
            Inputs = [];
            return;
        }

        var slots = new UiSlot[inputs.Length];
        for (var i = 0; i < slots.Length; i++)
        {
            ref readonly var slot = ref inputs[i];
            slots[i] = new UiSlot(slot.Name, slot.Type, slot.Link, slot.WidgetName, this, "inputs", i);
        }

        Inputs = slots;
    }

    /// <summary>
    /// Node <paramref name="index"/> of <paramref name="graph"/>'s <c>nodes</c>, read from its element in one pass over
    /// its keys (the id among them), or null when it has no id; its path is made from the graph's when asked for (only
    /// diagnostics ask).
    /// </summary>
    internal static UiNode? Read(JsonElement element, UiGraph graph, int index)
    {
        var keys = new Keys(element);
        return JsonRead.Id(keys.Id) is { } id ? new UiNode(keys, graph, index, id, null) : null;
    }

    /// <summary>The node as read (looked up in its graph on first use).</summary>
    public JsonObject Raw => _raw ??= (JsonObject)((JsonArray)_graph!.Raw["nodes"]!)[_index]!;

    /// <summary>The node id as text.</summary>
    public string Id { get; }

    /// <summary>Where the node sits in its file.</summary>
    public string JsonPath => _jsonPath ??= JsonPathText.Index(_graph!.JsonPath + ".nodes", _index);

    /// <summary>The node type: a class type, a subgraph definition id, or <c>workflow&gt;Name</c> for a group node.</summary>
    public string Type { get; }

    /// <summary>0 always, 2 never (muted), 4 bypass.</summary>
    public int Mode { get; }

    /// <summary>The execution order the frontend saved (<c>order</c>), or null.</summary>
    public long? Order { get; }

    /// <summary>The title when the node has its own, else null.</summary>
    public string? Title { get; }

    /// <summary>The input slots in order.</summary>
    public IReadOnlyList<UiSlot> Inputs { get; }

    /// <summary>The output slots in order (read on first use: converting reads them only for some nodes).</summary>
    public IReadOnlyList<UiSlot> Outputs => _outputs ??= ReadSlots(Resolve(ref _outputsElement, ref _outputsSlice), isInput: false);

    /// <summary>Positional widget values, or null when the node has none or records them as an object.</summary>
    public JsonArray? WidgetValues =>
        WidgetValuesElement.ValueKind == JsonValueKind.Array ? _widgetArray ??= JsonArray.Create(_widgetValues) : null;

    /// <summary>
    /// The <c>widgets_values</c> element as parsed (an array, an object, or <c>default</c> when absent): read without
    /// building <see cref="WidgetValues"/>' nodes (the converter keeps document values as elements).
    /// </summary>
    public JsonElement WidgetValuesElement => Resolve(ref _widgetValues, ref _widgetSlice);

    /// <summary>Widget values recorded by name (some custom nodes do this), or null.</summary>
    public JsonObject? NamedWidgetValues =>
        WidgetValuesKind == JsonValueKind.Object ? _widgetObject ??= JsonObject.Create(WidgetValuesElement) : null;

    /// <summary>What <c>widgets_values</c> is (<see cref="JsonValueKind.Undefined"/> when absent), known without parsing it.</summary>
    internal JsonValueKind WidgetValuesKind => _widgetSlice.IsEmpty ? _widgetValues.ValueKind : _widgetKind;

    /// <summary>
    /// The positional widget values as the converter reads them: from the file's bytes when the direct reader read the
    /// node (no document per node), else from <see cref="WidgetValuesElement"/>; empty when they are no array.
    /// </summary>
    internal SavedValues SavedWidgetValues =>
        _saved is { } saved ? new SavedValues(this, saved) : new SavedValues(WidgetValuesKind == JsonValueKind.Array ? WidgetValuesElement : default);

    /// <summary>The bytes of saved value <paramref name="index"/> as written in the file (a string's quotes included).</summary>
    internal ReadOnlySpan<byte> SavedRaw(int index)
    {
        var value = _saved![index];
        return _file!.Utf8.Span.Slice(value.Start, value.Length);
    }

    /// <summary>Saved value <paramref name="index"/> parsed alone, as the whole array's element would be.</summary>
    internal JsonElement SavedElement(int index)
    {
        var value = _saved![index];
        return _file!.Slice(value.Start, value.Length);
    }

    /// <summary>The <c>properties</c> object, or null.</summary>
    public JsonObject? Properties =>
        Resolve(ref _properties, ref _propertiesSlice).ValueKind == JsonValueKind.Object ? _propertiesObject ??= JsonObject.Create(_properties) : null;

    /// <summary>
    /// The string property <paramref name="name"/> (null when absent or not a string), read from the parsed element
    /// without building <see cref="Properties"/>' nodes (a converter looking one name up in every node's properties
    /// built a tree per node), or from that object once it is built (a caller may have changed it).
    /// </summary>
    internal string? PropertyText(string name)
    {
        if (_propertiesObject is { } built)
        {
            return JsonRead.String(built[name]);
        }

        var properties = Resolve(ref _properties, ref _propertiesSlice);
        return properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var value) ? JsonRead.String(value) : null;
    }

    // The element a slice stands for, parsed the first time it is asked for.
    private static JsonElement Resolve(ref JsonElement element, ref JsonSlice slice)
    {
        if (!slice.IsEmpty)
        {
            element = slice.Parse();
            slice = default;
        }

        return element;
    }

    private UiSlot[] ReadSlots(JsonElement array, bool isInput)
    {
        if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() is not (> 0 and var count))
        {
            return [];
        }

        var key = isInput ? "inputs" : "outputs";
        var result = new UiSlot[count];
        var index = 0;
        foreach (var slot in array.EnumerateArray())
        {
            if (slot.ValueKind != JsonValueKind.Object)
            {
                // Keep a placeholder so that slot indexes stay aligned with the file.
                result[index] = new UiSlot(string.Empty, string.Empty, null, null, this, key, index);
                index++;
                continue;
            }

            JsonElement name = default, type = default, link = default, widget = default;
            foreach (var property in slot.EnumerateObject())
            {
                var raw = JsonMarshal.GetRawUtf8PropertyName(property);
                switch (raw.Length)
                {
                    case 4 when raw.SequenceEqual("name"u8): name = property.Value; continue;
                    case 4 when raw.SequenceEqual("type"u8): type = property.Value; continue;
                    case 4 when raw.SequenceEqual("link"u8): link = property.Value; continue;
                    case 6 when raw.SequenceEqual("widget"u8): widget = property.Value; continue;
                }

                if (raw.IndexOf((byte)'\\') < 0)
                {
                    continue;
                }

                if (property.NameEquals("name"u8)) { name = property.Value; }
                else if (property.NameEquals("type"u8)) { type = property.Value; }
                else if (property.NameEquals("link"u8)) { link = property.Value; }
                else if (property.NameEquals("widget"u8)) { widget = property.Value; }
            }

            var widgetName = widget.ValueKind == JsonValueKind.Object && widget.TryGetProperty("name"u8, out var w) ? JsonRead.String(w) : null;
            result[index] = new UiSlot(JsonRead.String(name) ?? string.Empty, JsonRead.Type(type), isInput ? JsonRead.Long(link) : null, widgetName, this, key, index);
            index++;
        }

        return result;
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
