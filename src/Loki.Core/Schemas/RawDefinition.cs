using System.Text.Json;
using System.Text.Json.Nodes;
using Loki.Core.Workflows;

namespace Loki.Core.Schemas;

/// <summary>
/// The whole definition a <see cref="NodeSchema"/> was read from (<see cref="NodeSchema.Raw"/>): given as nodes, or kept
/// as the parsed element and copied into nodes only when someone asks (issue 10: a conversion reads a definition's
/// inputs and options, built at once, and almost never the whole tree, which was a third of a definition's cost).
/// Shared by every copy of a schema (<c>with</c>), so the tree is made at most once and stays the same instance.
/// </summary>
/// <remarks>Safe to share between threads: the element is only read, and the first tree made is the one kept.</remarks>
internal sealed class RawDefinition
{
    private static readonly JsonWriterOptions TextOptions = new();
    private readonly JsonElement _element;
    private readonly bool _fromElement;
    private JsonObject? _node;
    private string? _text;

    /// <summary>A definition given as nodes.</summary>
    public RawDefinition(JsonObject node) => _node = node;

    /// <summary>
    /// A definition kept as <paramref name="element"/>, an object whose keys are all distinct (so its nodes, keeping a
    /// repeated key's last value, would write out the same text as the element).
    /// </summary>
    public RawDefinition(JsonElement element) => (_element, _fromElement) = (element, true);

    /// <summary>The definition as nodes (made on first use; then always the same instance).</summary>
    public JsonObject Node => Volatile.Read(ref _node) ?? Interlocked.CompareExchange(ref _node, (JsonObject)JsonSource.BuildNode(_element)!, null) ?? _node!;

    /// <summary>
    /// True when <see cref="Text"/> of both is the same: compared on the elements when both were read from text
    /// (<see cref="JsonElementEquality"/>, stopping at the first difference), else by the texts.
    /// </summary>
    public bool SameJson(RawDefinition other) =>
        _fromElement && other._fromElement ? JsonElementEquality.Same(_element, other._element) : Text() == other.Text();

    /// <summary>
    /// <see cref="JsonNode.ToJsonString"/> of <see cref="Node"/>, kept: written from the element when no tree was made
    /// (the two writers escape the same way: RawDefinitionTests checks every corpus definition).
    /// </summary>
    public string Text()
    {
        if (Volatile.Read(ref _text) is { } text)
        {
            return text;
        }

        if (Volatile.Read(ref _node) is { } node)
        {
            return _text = node.ToJsonString();
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, TextOptions))
        {
            _element.WriteTo(writer);
        }

        return _text = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
