using System.Text.Json;

namespace Loki.Core.Workflows;

/// <summary>
/// Where one value sits in a workflow's bytes (<see cref="LazyJsonRoot"/>), kept by a view in place of the value's
/// element until it is read: a node's <c>widgets_values</c>, <c>properties</c> and <c>outputs</c> are parsed one by one
/// when a reader asks, not as part of a whole-file document.
/// </summary>
internal readonly struct JsonSlice
{
    private readonly LazyJsonRoot? _source;
    private readonly int _start;
    private readonly int _length;

    /// <summary>The value at <paramref name="start"/> (<paramref name="length"/> bytes) of <paramref name="source"/>.</summary>
    public JsonSlice(LazyJsonRoot source, int start, int length)
    {
        _source = source;
        _start = start;
        _length = length;
    }

    /// <summary>Where the value starts in the file.</summary>
    public int Start => _start;

    /// <summary>Its length in bytes (0 when empty).</summary>
    public int Length => _length;

    /// <summary>True for no value (the key was absent): its element is <c>default</c>.</summary>
    public bool IsEmpty => _source is null;

    /// <summary>The value's element (<c>default</c> when empty).</summary>
    public JsonElement Parse() => _source is null ? default : _source.Slice(_start, _length);

    /// <summary>The value as mutable nodes built on access, as the root object would hold it (a repeated key: last value).</summary>
    public System.Text.Json.Nodes.JsonNode ParseNode() => _source!.SliceNode(_start, _length);
}
