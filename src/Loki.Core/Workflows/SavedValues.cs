using System.Text.Json;

namespace Loki.Core.Workflows;

/// <summary>
/// A node's positional <c>widgets_values</c> as the converter reads them: the values the direct reader found in the file
/// (<see cref="SavedValue"/>s, never parsed into a document unless one is a list, an object or an escaped string), or
/// the elements of a node read from a parsed document. Empty when the node saved no array.
/// </summary>
internal readonly struct SavedValues
{
    private readonly UiNode? _node;
    private readonly SavedValue[]? _saved;
    private readonly int _start;
    private readonly JsonElement _array;

    /// <summary>
    /// Values the direct reader found in <paramref name="node"/>'s file: <paramref name="count"/> of <paramref name="saved"/>
    /// (its graph's pool) from <paramref name="start"/>.
    /// </summary>
    public SavedValues(UiNode node, SavedValue[] saved, int start, int count)
    {
        _node = node;
        _saved = saved;
        _start = start;
        Count = count;
    }

    /// <summary>The elements of <paramref name="array"/> (anything but an array: no values).</summary>
    public SavedValues(JsonElement array)
    {
        _array = array;
        Count = array.ValueKind == JsonValueKind.Array ? array.GetArrayLength() : 0;
    }

    /// <summary>The number of values.</summary>
    public int Count { get; }

    /// <summary>What value <paramref name="i"/> is.</summary>
    public JsonValueKind Kind(int i) => _saved is { } saved ? saved[_start + i].Kind : _array[i].ValueKind;

    /// <summary>Value <paramref name="i"/> as an element (a direct reader's value is parsed alone: only a list, an object or an escaped string needs it).</summary>
    public JsonElement Element(int i) => _saved is null ? _array[i] : _node!.SavedElement(i);

    /// <summary>
    /// The text of string value <paramref name="i"/> when it is plain (printable ASCII, no escape: its bytes are its
    /// characters) and was read by the direct reader; empty otherwise (read it with <see cref="Text"/>).
    /// </summary>
    public bool TryPlainText(int i, out ReadOnlySpan<byte> text)
    {
        if (_saved is { } saved && saved[_start + i] is { Kind: JsonValueKind.String, Plain: true })
        {
            text = _node!.SavedRaw(i)[1..^1];
            return true;
        }

        text = default;
        return false;
    }

    /// <summary>Value <paramref name="i"/> as a string when it is one (as <see cref="JsonRead.String(JsonElement)"/> reads it), else null.</summary>
    public string? Text(int i)
    {
        if (Kind(i) != JsonValueKind.String)
        {
            return null;
        }

        return TryPlainText(i, out var text) ? PlainText.String(text) : JsonRead.String(Element(i));
    }

    /// <summary>The node a direct reader's values belong to (null for elements).</summary>
    public UiNode? Node => _saved is null ? null : _node;

    /// <summary>True when value <paramref name="i"/> was read by the direct reader and its bytes can be written as they are.</summary>
    public bool IsPlain(int i) => _saved is { } saved && saved[_start + i].Plain;
}
