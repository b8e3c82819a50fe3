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
}

/// <summary>
/// One input of a converted prompt entry: a link or a value. A list value is wrapped as <c>{"__value__": [...]}</c>
/// when written (the frontend's <c>graphToPrompt</c> does that so the backend never reads a list as a link).
/// </summary>
internal readonly struct PromptInput
{
    private PromptInput(string name, PromptInputKind kind, string? text, int slot, JsonNode? node, JsonElement element)
    {
        Name = name;
        Kind = kind;
        Text = text;
        Slot = slot;
        Node = node;
        Element = element;
    }

    /// <summary>The input's name.</summary>
    public string Name { get; }

    /// <summary>What it holds.</summary>
    public PromptInputKind Kind { get; }

    /// <summary>The origin node's id of a link, or the value of <see cref="PromptInputKind.Text"/>.</summary>
    public string? Text { get; }

    /// <summary>The origin slot of a link.</summary>
    public int Slot { get; }

    /// <summary>The value of <see cref="PromptInputKind.Node"/> (null is JSON null).</summary>
    public JsonNode? Node { get; }

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
    public static PromptInput Link(string name, string origin, int slot) => new(name, PromptInputKind.Link, origin, slot, null, default);

    /// <summary>A value: an element of the parsed workflow is kept as one (written, not copied).</summary>
    public static PromptInput Value(string name, JsonNode? value) =>
        value is JsonValue v && v.TryGetValue(out JsonElement element)
            ? new(name, PromptInputKind.Element, null, 0, null, element)
            : new(name, PromptInputKind.Node, null, 0, value, default);

    /// <summary>A string value.</summary>
    public static PromptInput String(string name, string text) => new(name, PromptInputKind.Text, text, 0, null, default);

    /// <summary>This input, taken out.</summary>
    public PromptInput Removed() => new(Name, PromptInputKind.Removed, null, 0, null, default);
}
