namespace Loki.Core.Glamours;

/// <summary>Who owns a file of a glamour folder.</summary>
public enum GlamourFileKind
{
    /// <summary>Not there: the build draws it.</summary>
    Missing,

    /// <summary>No LOKI mark: a person's file, never touched.</summary>
    Authored,

    /// <summary>Generated and unchanged since: redrawn when its inputs change.</summary>
    Generated,

    /// <summary>Generated, then changed by a person: kept as is.</summary>
    Edited,
}

/// <summary>A glamour file as found on disk.</summary>
/// <param name="Kind">Its owner.</param>
/// <param name="Bytes">Its content (null when missing).</param>
/// <param name="InputsSha256">For a generated file, the hash of the inputs it was drawn from.</param>
public sealed record GlamourFileState(GlamourFileKind Kind, byte[]? Bytes, string? InputsSha256)
{
    /// <summary>The state of a missing file.</summary>
    public static GlamourFileState Missing { get; } = new(GlamourFileKind.Missing, null, null);

    /// <summary>True when a person owns the file.</summary>
    public bool IsPersons => Kind is GlamourFileKind.Authored or GlamourFileKind.Edited;

    /// <summary>An authored file.</summary>
    public static GlamourFileState Authored(byte[] bytes) => new(GlamourFileKind.Authored, bytes, null);
}
