using System.Text.Json.Nodes;

namespace Loki.Core.Workflows;

/// <summary>A read-only view of one input or output slot of a UI node.</summary>
/// <remarks>
/// A slot the loader read keeps where it came from instead of its object: <see cref="Raw"/> is looked up in the owner's
/// JSON only when asked for, so converting a workflow never builds a mutable object per slot.
/// </remarks>
public sealed record UiSlot
{
    private readonly IUiRaw? _owner;
    private readonly string? _key;
    private readonly int _index;
    private JsonObject? _raw;

    /// <summary>A slot with its object.</summary>
    /// <param name="Name">The slot name (for a widget socket, the input name).</param>
    /// <param name="Type">The slot type (<c>IMAGE</c>, <c>*</c>, <c>INT,FLOAT</c>); empty when absent.</param>
    /// <param name="Link">For an input, the id of the link that feeds it, or null.</param>
    /// <param name="WidgetName">The widget this socket belongs to (<c>widget.name</c>), or null for a plain socket.</param>
    /// <param name="Raw">The slot object as read.</param>
    public UiSlot(string Name, string Type, long? Link, string? WidgetName, JsonObject Raw)
    {
        this.Name = Name;
        this.Type = Type;
        this.Link = Link;
        this.WidgetName = WidgetName;
        _raw = Raw;
    }

    /// <summary>A slot read from the array <paramref name="key"/> of <paramref name="owner"/>, at <paramref name="index"/>.</summary>
    internal UiSlot(string name, string type, long? link, string? widgetName, IUiRaw owner, string key, int index)
    {
        Name = name;
        Type = type;
        Link = link;
        WidgetName = widgetName;
        _owner = owner;
        _key = key;
        _index = index;
    }

    /// <summary>The slot name (for a widget socket, the input name).</summary>
    public string Name { get; init; }

    /// <summary>The slot type (<c>IMAGE</c>, <c>*</c>, <c>INT,FLOAT</c>); empty when absent.</summary>
    public string Type { get; init; }

    /// <summary>For an input, the id of the link that feeds it, or null.</summary>
    public long? Link { get; init; }

    /// <summary>The widget this socket belongs to (<c>widget.name</c>), or null for a plain socket.</summary>
    public string? WidgetName { get; init; }

    /// <summary>The slot object as read (an empty object stands for an entry that is not an object).</summary>
    public JsonObject Raw
    {
        get => _raw ??= (_owner!.Raw[_key!] as JsonArray)?[_index] as JsonObject ?? new JsonObject();
        init => _raw = value;
    }

    /// <summary>The five parts, in the order of the constructor.</summary>
    public void Deconstruct(out string Name, out string Type, out long? Link, out string? WidgetName, out JsonObject Raw)
    {
        Name = this.Name;
        Type = this.Type;
        Link = this.Link;
        WidgetName = this.WidgetName;
        Raw = this.Raw;
    }
}
