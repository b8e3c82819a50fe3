using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Loki.Core.Workflows;

/// <summary>
/// A read-only view of one node of a UI graph, read straight from the parsed document: what converters read (type,
/// mode, order, title, slots, widget values, properties) comes from the element; the mutable <see cref="Raw"/> object
/// is looked up in its graph only when someone asks for it.
/// </summary>
public sealed partial class UiNode : IUiRaw
{
    // Not readonly: a node the direct reader read into lent memory is made again there for the next load (Reuse).
    private UiGraph? _graph;
    private int _index;

    // Set by the direct reader: the file, and where widgets_values, properties and outputs sit in it (length 0: absent),
    // each parsed on first use; what a widgets_values array holds, value by value (see SavedValues).
    // Read from the file's bytes (its graph's source holds them); whether an order was saved (Order as a long? was 16 bytes).
    private bool _fromBytes, _hasOrder;
    private long _order;
    private int _widgetStart, _widgetLength, _propertiesStart, _propertiesLength, _outputsStart, _outputsLength;
    private JsonValueKind _widgetKind;

    // Where the input slots and the saved values lie: a node the direct reader read, in its graph's pools (an array per
    // node was ~1,240 small arrays for the 976-node corpus workflow); a node read from an element, its inputs in its own
    // array (Extras.OwnInputs) and no saved values. A saved count of -1: widgets_values is no array (or not read from bytes).
    private int _inputsStart, _inputsCount, _savedStart, _savedCount;

    // What is made on demand (and, for a node read from an element, its elements): a node the converter reads from the
    // file's bytes never needs it, so it costs nothing there (a node held all of it in its own fields before: 250 bytes).
    private Extras? _extras;

    /// <summary>A node given as an object (a group-node definition's inner node).</summary>
    internal UiNode(JsonObject raw, string id, string jsonPath)
        : this(new Keys(JsonSource.ElementOf(raw)), null, -1, id, jsonPath)
    {
        _extras!.Raw = raw;
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
        _extras = new Extras
        {
            JsonPath = jsonPath,
            WidgetValues = keys.WidgetValues,
            Properties = keys.Properties,
            Outputs = keys.Outputs,
            Parsed = Extras.All,
            OwnInputs = ReadInputs(keys.Inputs),
        };
        Id = id;
        Title = JsonRead.String(keys.Title);
        Type = JsonRead.String(keys.Type) ?? string.Empty;
        Mode = (int)(JsonRead.Long(keys.Mode) ?? 0);
        (_order, _hasOrder) = JsonRead.Long(keys.Order) is { } order ? (order, true) : (0, false);
        _inputsCount = _extras.OwnInputs.Length;
        _savedCount = -1;
    }

    /// <summary>
    /// Node <paramref name="index"/> of <paramref name="graph"/>'s <c>nodes</c> as <see cref="UiDirectReader"/> read it
    /// from the file's bytes (<paramref name="fields"/> with an id; its input slots and saved values in the graph's pools).
    /// </summary>
    internal UiNode(UiGraph graph, int index, in UiNodeFields fields)
    {
        Id = string.Empty;
        Type = string.Empty;
        Reuse(graph, index, fields);
    }

    /// <summary>
    /// Makes this node node <paramref name="index"/> of <paramref name="graph"/> as the direct reader read it, forgetting
    /// all it was (what it made on demand included): a node of lent memory's (<see cref="WorkflowMemory"/>), whose
    /// earlier load the caller is done with, is reused for the next load instead of a new node (the 976-node corpus
    /// workflow's nodes were 117 KB a load).
    /// </summary>
    internal void Reuse(UiGraph graph, int index, in UiNodeFields fields)
    {
        _graph = graph;
        _index = index;
        _extras = null;
        Id = fields.Id!;
        Type = fields.Type;
        Mode = fields.Mode;
        (_order, _hasOrder) = fields.Order is { } order ? (order, true) : (0, false);
        Title = fields.Title;
        _fromBytes = true;
        (_widgetStart, _widgetLength) = (fields.WidgetValues.Start, fields.WidgetValues.Length);
        (_propertiesStart, _propertiesLength) = (fields.Properties.Start, fields.Properties.Length);
        (_outputsStart, _outputsLength) = (fields.Outputs.Start, fields.Outputs.Length);
        _widgetKind = fields.WidgetValuesKind;
        (_inputsStart, _inputsCount) = (fields.InputsStart, fields.InputsCount);
        (_savedStart, _savedCount) = (fields.SavedStart, fields.SavedCount);
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
    public JsonObject Raw => Made.Raw ??= (JsonObject)((JsonArray)_graph!.Raw["nodes"]!)[_index]!;

    /// <summary>The graph whose <c>nodes</c> hold the node; null for a node given as an object (a group node's inner node).</summary>
    internal UiGraph? Graph => _graph;

    /// <summary>The node id as text.</summary>
    public string Id { get; private set; }

    /// <summary>Where the node sits in its file.</summary>
    public string JsonPath => Made.JsonPath ??= JsonPathText.Index(_graph!.JsonPath + ".nodes", _index);

    /// <summary>The node type: a class type, a subgraph definition id, or <c>workflow&gt;Name</c> for a group node.</summary>
    public string Type { get; private set; }

    /// <summary>0 always, 2 never (muted), 4 bypass.</summary>
    public int Mode { get; private set; }

    /// <summary>The execution order the frontend saved (<c>order</c>), or null.</summary>
    public long? Order => _hasOrder ? _order : null;

    /// <summary>The title when the node has its own, else null.</summary>
    public string? Title { get; private set; }

    /// <summary>The input slots in order (their objects made on first use: converting reads <see cref="InputSlots"/>).</summary>
    public IReadOnlyList<UiSlot> Inputs => _inputsCount == 0 ? [] : Made.InputSlots ??= MakeInputs();

    /// <summary>
    /// The input slots' values in order, as read: what the converter and the loader's checks read (a slot object per
    /// input was a sixth of what converting a large graph allocated).
    /// </summary>
    /// <remarks>Inlined: the converter asks for it in its loops, once per slot read (the JIT kept it a call: ~0.5% of a conversion).</remarks>
    internal ReadOnlySpan<UiSlotFields> InputSlots
    {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        get => new(_fromBytes ? _graph!.InputPool : _extras!.OwnInputs, _inputsStart, _inputsCount);
    }

    /// <summary>The output slots in order (read on first use: converting reads them only for some nodes).</summary>
    public IReadOnlyList<UiSlot> Outputs => Made.OutputSlots ??= ReadOutputs(Parsed(Extras.OutputsParsed));

    /// <summary>Positional widget values, or null when the node has none or records them as an object.</summary>
    public JsonArray? WidgetValues =>
        WidgetValuesElement is { ValueKind: JsonValueKind.Array } values ? Made.WidgetArray ??= JsonArray.Create(values) : null;

    /// <summary>
    /// The <c>widgets_values</c> element as parsed (an array, an object, or <c>default</c> when absent): read without
    /// building <see cref="WidgetValues"/>' nodes (the converter keeps document values as elements).
    /// </summary>
    public JsonElement WidgetValuesElement => Parsed(Extras.WidgetParsed);

    /// <summary>Widget values recorded by name (some custom nodes do this), or null.</summary>
    public JsonObject? NamedWidgetValues =>
        WidgetValuesKind == JsonValueKind.Object ? Made.WidgetObject ??= JsonObject.Create(WidgetValuesElement) : null;

    /// <summary>What <c>widgets_values</c> is (<see cref="JsonValueKind.Undefined"/> when absent), known without parsing it.</summary>
    internal JsonValueKind WidgetValuesKind => _fromBytes ? _widgetKind : _extras!.WidgetValues.ValueKind;

    /// <summary>
    /// The positional widget values as the converter reads them: from the file's bytes when the direct reader read the
    /// node (no document per node), else from <see cref="WidgetValuesElement"/>; empty when they are no array.
    /// </summary>
    internal SavedValues SavedWidgetValues =>
        _savedCount >= 0 ? new SavedValues(this, _graph!.SavedPool, _savedStart, _savedCount)
            : new SavedValues(WidgetValuesKind == JsonValueKind.Array ? WidgetValuesElement : default);

    /// <summary>The bytes of saved value <paramref name="index"/> as written in the file (a string's quotes included).</summary>
    internal ReadOnlySpan<byte> SavedRaw(int index)
    {
        var value = _graph!.SavedPool[_savedStart + index];
        return File.Utf8.Span.Slice(value.Start, value.Length);
    }

    /// <summary>Saved value <paramref name="index"/> parsed alone, as the whole array's element would be.</summary>
    internal JsonElement SavedElement(int index)
    {
        var value = _graph!.SavedPool[_savedStart + index];
        return File.Slice(value.Start, value.Length);
    }

    /// <summary>The <c>properties</c> object, or null.</summary>
    public JsonObject? Properties =>
        Parsed(Extras.PropertiesParsed) is { ValueKind: JsonValueKind.Object } properties ? Made.PropertiesObject ??= JsonObject.Create(properties) : null;

    /// <summary>
    /// The string property <paramref name="name"/> (null when absent or not a string), read from the parsed element
    /// without building <see cref="Properties"/>' nodes (a converter looking one name up in every node's properties
    /// built a tree per node), or from that object once it is built (a caller may have changed it).
    /// </summary>
    internal string? PropertyText(string name)
    {
        if (_extras?.PropertiesObject is { } built)
        {
            return JsonRead.String(built[name]);
        }

        if (_fromBytes && (_extras is null || (_extras.Parsed & Extras.PropertiesParsed) == 0))
        {
            return PropertyTextFromFile(name);
        }

        var properties = Parsed(Extras.PropertiesParsed);
        return properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var value) ? JsonRead.String(value) : null;
    }

    // PropertyText of a node the direct reader read, from the file's bytes without parsing its properties into a
    // document (a pattern naming no node reads every node's): the last value of the key, as the parsed object keeps it.
    private string? PropertyTextFromFile(string name)
    {
        if (_propertiesLength == 0)
        {
            return null;
        }

        var reader = new Utf8JsonReader(File.Utf8.Span.Slice(_propertiesStart, _propertiesLength), new JsonReaderOptions { MaxDepth = 512 });
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        string? text = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var matches = reader.ValueTextEquals(name);
            reader.Read();
            if (matches)
            {
                text = reader.TokenType == JsonTokenType.String ? Utf8StringCache.String(ref reader) : null;
            }

            reader.Skip();
        }

        return text;
    }

    private Extras Made => _extras ??= new Extras();

    // The file a node read from bytes points into.
    private LazyJsonRoot File => _graph!.Source!;

    // The element of widgets_values, properties or outputs: the one a node read from an element was given, or the
    // file's slice parsed the first time it is asked for (default when the key was absent).
    private JsonElement Parsed(int which)
    {
        var extras = Made;
        ref var element = ref which == Extras.WidgetParsed ? ref extras.WidgetValues
            : ref which == Extras.PropertiesParsed ? ref extras.Properties : ref extras.Outputs;
        if ((extras.Parsed & which) == 0)
        {
            var (start, length) = which == Extras.WidgetParsed ? (_widgetStart, _widgetLength)
                : which == Extras.PropertiesParsed ? (_propertiesStart, _propertiesLength) : (_outputsStart, _outputsLength);
            element = length == 0 ? default : File.Slice(start, length);
            extras.Parsed |= which;
        }

        return element;
    }
}
