namespace Loki.Core.Conversion.UiToApi;

/// <summary>What walks through a node learnt about one of its slots (<see cref="SlotMemoStore"/>).</summary>
internal struct SlotMemo
{
    /// <summary>The position of the link into input slot i in the node's graph's link table (-1: none), once looked up.</summary>
    public int Link;

    /// <summary>The flattened node that link leaves (null: none).</summary>
    public FlatNode? Origin;

    /// <summary>What output slot i resolves to, once remembered.</summary>
    public ResolvedInput? Result;

    /// <summary>True once <see cref="Link"/> and <see cref="Origin"/> were looked up.</summary>
    public bool FeedKnown;

    /// <summary>True once <see cref="Result"/> is remembered.</summary>
    public bool ResultKnown;
}
