using System.Text.Json;
using System.Text.Json.Nodes;

namespace Loki.Core.Conversion.UiToApi;

/// <summary>What one input of a converted prompt entry holds.</summary>
internal enum PromptInputKind : byte
{
    /// <summary>Taken out again (a link to a node the prompt does not hold): written nowhere.</summary>
    Removed,

    /// <summary><c>["origin", slot]</c>.</summary>
    Link,

    /// <summary>A value read from the workflow's parsed document.</summary>
    Element,

    /// <summary>A value the converter made or changed.</summary>
    Node,

    /// <summary>A string the converter made (dynamic prompts, filename templates, frontend widgets).</summary>
    Text,

    /// <summary>
    /// A saved widget value the direct reader found in the file (<see cref="Workflows.SavedValue"/>): a number, a literal
    /// or a plain string, written as its bytes.
    /// </summary>
    Saved,
}

/// <summary>
/// One input of a converted prompt entry: a link or a value. A list value is wrapped as <c>{"__value__": [...]}</c>
/// when written (the frontend's <c>graphToPrompt</c> does that so the backend never reads a list as a link).
/// </summary>
internal readonly struct PromptInput
{
    // Text, node and a saved value's node share one field (an input holds one of them): 40 bytes an input, not 48.
    private readonly object? _value;

    private PromptInput(string name, PromptInputKind kind, object? value, int slot, JsonElement element)
    {
        Name = name;
        Kind = kind;
        _value = value;
        Slot = slot;
        Element = element;
    }

    /// <summary>The input's name.</summary>
    public string Name { get; }

    /// <summary>What it holds.</summary>
    public PromptInputKind Kind { get; }

    /// <summary>The origin node's id of a link, or the value of <see cref="PromptInputKind.Text"/>.</summary>
    public string? Text => _value as string;

    /// <summary>The origin slot of a link; the index of a <see cref="PromptInputKind.Saved"/> value among its node's.</summary>
    public int Slot { get; }

    /// <summary>The bytes of a <see cref="PromptInputKind.Saved"/> value as the file holds them (a string's quotes included).</summary>
    public ReadOnlySpan<byte> SavedRaw => ((Workflows.UiNode)_value!).SavedRaw(Slot);

    /// <summary>The value of <see cref="PromptInputKind.Node"/> (null is JSON null).</summary>
    public JsonNode? Node => _value as JsonNode;

    /// <summary>The value of <see cref="PromptInputKind.Element"/>.</summary>
    public JsonElement Element { get; }

    /// <summary>True when the value is a list, which is written wrapped.</summary>
    public bool IsList => Kind switch
    {
        PromptInputKind.Element => Element.ValueKind == JsonValueKind.Array,
        PromptInputKind.Node => Node is JsonArray,
        _ => false,
    };

    /// <summary>A link to output <paramref name="slot"/> of node <paramref name="origin"/>.</summary>
    public static PromptInput Link(string name, string origin, int slot) => new(name, PromptInputKind.Link, origin, slot, default);

    /// <summary>A value: an element of the parsed workflow is kept as one (written, not copied).</summary>
    public static PromptInput Value(string name, JsonNode? value) =>
        value is JsonValue v && v.TryGetValue(out JsonElement element)
            ? new(name, PromptInputKind.Element, null, 0, element)
            : new(name, PromptInputKind.Node, value, 0, default);

    /// <summary>A value of the document, kept as its element (a null element is JSON null).</summary>
    public static PromptInput Value(string name, JsonElement value) => new(name, PromptInputKind.Element, null, 0, value);

    /// <summary>
    /// Saved value <paramref name="index"/> of <paramref name="values"/>: kept as its place in the file when its bytes
    /// can be written as they are, else as its element (parsed alone: a list, an object, an escaped string).
    /// </summary>
    public static PromptInput Value(string name, in Workflows.SavedValues values, int index) =>
        values.IsPlain(index) ? new(name, PromptInputKind.Saved, values.Node, index, default) : Value(name, values.Element(index));

    /// <summary>A string value.</summary>
    public static PromptInput String(string name, string text) => new(name, PromptInputKind.Text, text, 0, default);

    /// <summary>The value as a string when it is one (as <see cref="Workflows.JsonRead.String(JsonNode?)"/> reads it), else null.</summary>
    public string? AsString() => Kind switch
    {
        PromptInputKind.Text => Text,
        PromptInputKind.Element => Workflows.JsonRead.String(Element),
        PromptInputKind.Node => Workflows.JsonRead.String(Node),
        PromptInputKind.Saved => SavedRaw is [(byte)'"', .., (byte)'"'] raw ? System.Text.Encoding.ASCII.GetString(raw[1..^1]) : null,
        _ => null,
    };

    /// <summary>The value as a node of its own (a copy, as the tree converter put into the prompt); null for a link.</summary>
    public JsonNode? ToNode() => Kind switch
    {
        PromptInputKind.Text => JsonValue.Create(Text),
        PromptInputKind.Element => Element.ValueKind switch
        {
            JsonValueKind.Array => JsonArray.Create(Element),
            JsonValueKind.Object => JsonObject.Create(Element),
            _ => JsonValue.Create(Element),
        },
        PromptInputKind.Node => Workflows.JsonCopy.Of(Node),
        PromptInputKind.Saved => JsonValue.Create(((Workflows.UiNode)_value!).SavedElement(Slot)),
        _ => null,
    };

    /// <summary>This value under another name.</summary>
    public PromptInput Named(string name) => new(name, Kind, _value, Slot, Element);

    /// <summary>This input, taken out.</summary>
    public PromptInput Removed() => new(Name, PromptInputKind.Removed, null, 0, default);
}
