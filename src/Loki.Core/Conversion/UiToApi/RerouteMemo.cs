namespace Loki.Core.Conversion.UiToApi;

/// <summary>
/// What the output of a virtual node (a reroute) resolves to, remembered from the first walk that passed it. The
/// 976-node corpus workflow feeds 715 inputs through chains of up to 20 of its 623 reroutes: walked again per input,
/// a chain was most of resolving links (4,793 steps where 1,338 do).
/// <para>
/// A walk's part from a virtual node on is "pure" when it passes only virtual nodes of a graph (not of a group node) and
/// ends there or at a real node that is not bypassed. Such a part does not depend on how the walk got there: virtual nodes
/// pass the link on by slot and keep the type it asks for, and only bypassed and group nodes read the type; it reports
/// nothing but a loop. And it cannot meet a side the walk passed before reaching it, or the same walk would have come
/// back to its own start and been reported as a loop. So a later walk that reaches the node can take the answer as is,
/// with the same result and the same diagnostics. Walks that loop are never remembered.
/// </para>
/// </summary>
internal static class RerouteMemo
{
    /// <summary>The remembered answer for output <paramref name="slot"/> of <paramref name="node"/>, when there is one.</summary>
    public static bool TryGet(FlatNode node, int slot, out ResolvedInput? result)
    {
        if (node.MemoStart >= 0 && (uint)slot < (uint)node.Inputs.Length && SlotMemoStore.ForThread().Made(node, slot) is { ResultKnown: true } memo)
        {
            result = memo.Result;
            return true;
        }

        result = null;
        return false;
    }

    /// <summary>
    /// Remembers <paramref name="result"/> for every virtual output the finished walk passed in its pure end part;
    /// <paramref name="endedInMemo"/> says the walk ended by taking a remembered answer (whose part is pure).
    /// </summary>
    public static void Record(VisitedSlots visited, ResolvedInput? result, bool endedInMemo)
    {
        var i = visited.Count - 1;
        if (i < 0)
        {
            return;
        }

        if (!endedInMemo)
        {
            ref readonly var last = ref visited[i];
            if (last.Output && last.Node.Kind == FlatNodeKind.Real && last.Node.Mode != 4)
            {
                i--; // the real output the walk ended at
            }
            else if (!IsPure(last.Node))
            {
                return;
            }
        }

        for (; i >= 0; i--)
        {
            ref readonly var side = ref visited[i];
            if (!IsPure(side.Node))
            {
                return;
            }

            if (side.Output && (uint)side.Slot < (uint)side.Node.Inputs.Length)
            {
                ref var memo = ref SlotMemoStore.ForThread().At(side.Node, side.Slot, side.Node.Inputs.Length);
                (memo.Result, memo.ResultKnown) = (result, true);
            }
        }
    }

    /// <summary>True for a node whose part of a walk can be remembered (see the type's remarks).</summary>
    public static bool IsPure(FlatNode node) => node.Kind == FlatNodeKind.Virtual && node.GroupIndex < 0;
}
