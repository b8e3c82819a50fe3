namespace Loki.Core.Workflows;

/// <summary>
/// A read-only view of one link, from either form: a 0.4 array <c>[id, origin_id, origin_slot, target_id,
/// target_slot, type]</c> or a schema-1 object. Node ids are kept as text (<c>"5"</c>, <c>"-10"</c>).
/// </summary>
/// <remarks>A link the loader read makes its <see cref="JsonPath"/> when asked for (only diagnostics ask).</remarks>
public sealed record UiLink
{
    private readonly string? _links;
    private readonly int _index;
    private string? _jsonPath;

    /// <summary>A link with its path.</summary>
    /// <param name="Id">The link id.</param>
    /// <param name="OriginId">The node the link leaves.</param>
    /// <param name="OriginSlot">The output slot it leaves.</param>
    /// <param name="TargetId">The node it enters.</param>
    /// <param name="TargetSlot">The input slot it enters.</param>
    /// <param name="Type">The link type as text (empty when absent).</param>
    /// <param name="JsonPath">Where it was read.</param>
    public UiLink(long Id, string OriginId, int OriginSlot, string TargetId, int TargetSlot, string Type, string JsonPath)
        : this(Id, OriginId, OriginSlot, TargetId, TargetSlot, Type, null, -1)
    {
        _jsonPath = JsonPath;
    }

    /// <summary>Entry <paramref name="index"/> of the links array at <paramref name="links"/>.</summary>
    internal UiLink(long id, string originId, int originSlot, string targetId, int targetSlot, string type, string? links, int index)
    {
        Id = id;
        OriginId = originId;
        OriginSlot = originSlot;
        TargetId = targetId;
        TargetSlot = targetSlot;
        Type = type;
        _links = links;
        _index = index;
    }

    /// <summary>The link id.</summary>
    public long Id { get; init; }

    /// <summary>The node the link leaves.</summary>
    public string OriginId { get; init; }

    /// <summary>The output slot it leaves.</summary>
    public int OriginSlot { get; init; }

    /// <summary>The node it enters.</summary>
    public string TargetId { get; init; }

    /// <summary>The input slot it enters.</summary>
    public int TargetSlot { get; init; }

    /// <summary>The link type as text (empty when absent).</summary>
    public string Type { get; init; }

    /// <summary>Where it was read.</summary>
    public string JsonPath
    {
        get => _jsonPath ??= JsonPathText.Index(_links!, _index);
        init => _jsonPath = value;
    }

    /// <summary>The seven parts, in the order of the constructor.</summary>
    public void Deconstruct(out long Id, out string OriginId, out int OriginSlot, out string TargetId, out int TargetSlot, out string Type, out string JsonPath)
    {
        Id = this.Id;
        OriginId = this.OriginId;
        OriginSlot = this.OriginSlot;
        TargetId = this.TargetId;
        TargetSlot = this.TargetSlot;
        Type = this.Type;
        JsonPath = this.JsonPath;
    }

    /// <summary>Equal when every part is (the path compared as text, however it was given).</summary>
    public bool Equals(UiLink? other) =>
        other is not null && Id == other.Id && OriginId == other.OriginId && OriginSlot == other.OriginSlot && TargetId == other.TargetId
        && TargetSlot == other.TargetSlot && Type == other.Type && JsonPath == other.JsonPath;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, OriginId, OriginSlot, TargetId, TargetSlot, Type, JsonPath);
}
