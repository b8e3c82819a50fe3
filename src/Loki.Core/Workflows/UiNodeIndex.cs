namespace Loki.Core.Workflows;

/// <summary>
/// A graph's nodes found by id, the first of a repeated id kept: ids written as whole numbers (nearly all are: the
/// frontend counts them up from 1, with gaps where nodes were deleted) through an array of positions by value when they
/// lie close together, any other id (and all of them when they lie far apart) through a dictionary. A dictionary of every
/// id cost ~28 bytes a node (the 976-node corpus workflow's ids lie between 3 and 2,296: 9 KB as an array, 27 KB as a
/// dictionary) and a hash of each id's text.
/// </summary>
internal sealed class UiNodeIndex
{
    private readonly IReadOnlyList<UiNode> _nodes;
    private readonly long _min;

    // Position + 1 of the node whose id is the whole number _min + k (0: none); the other ids by text.
    private readonly int[]? _dense;
    private readonly Dictionary<string, int>? _others;

    private UiNodeIndex(IReadOnlyList<UiNode> nodes, long min, int[]? dense, Dictionary<string, int>? others)
    {
        _nodes = nodes;
        _min = min;
        _dense = dense;
        _others = others;
    }

    /// <summary>The index of <paramref name="nodes"/>; <paramref name="repeated"/> gets the nodes whose id an earlier node has, in order.</summary>
    public static UiNodeIndex Of(IReadOnlyList<UiNode> nodes, out List<UiNode>? repeated)
    {
        repeated = null;
        var (min, max, whole) = (long.MaxValue, long.MinValue, 0);
        for (var i = 0; i < nodes.Count; i++)
        {
            if (WholeNumber(nodes[i].Id, out var value))
            {
                (min, max, whole) = (Math.Min(min, value), Math.Max(max, value), whole + 1);
            }
        }

        // As for links (UiLinkTable): an int per value in the range while it is within four times the count.
        var dense = whole > 0 && (ulong)(max - min) < (ulong)((4L * nodes.Count) + 64) ? new int[max - min + 1] : null;
        Dictionary<string, int>? others = null;
        for (var i = 0; i < nodes.Count; i++)
        {
            var id = nodes[i].Id;
            bool added;
            if (dense is not null && WholeNumber(id, out var value))
            {
                // One text per whole number (no sign or zero in front): the same value is the same id.
                ref var at = ref dense[value - min];
                added = at == 0;
                at = added ? i + 1 : at;
            }
            else
            {
                added = (others ??= new Dictionary<string, int>(StringComparer.Ordinal)).TryAdd(id, i);
            }

            if (!added)
            {
                (repeated ??= []).Add(nodes[i]);
            }
        }

        return new UiNodeIndex(nodes, min, dense, others);
    }

    /// <summary>The node with id <paramref name="id"/> (the first one, if a broken file repeats it), or null.</summary>
    public UiNode? Find(string id)
    {
        if (_dense is { } dense && WholeNumber(id, out var value))
        {
            var k = value - _min;
            return (ulong)k < (ulong)dense.Length && dense[k] > 0 ? _nodes[dense[k] - 1] : null;
        }

        return _others is { } others && others.TryGetValue(id, out var at) ? _nodes[at] : null;
    }

    // True for the one way a whole number's text is written (an optional minus, digits without a zero in front unless it
    // is 0, no minus before 0; at most 18 digits), which is what an id read from a number gives.
    private static bool WholeNumber(string id, out long value)
    {
        value = 0;
        var digits = id.AsSpan(id.Length > 0 && id[0] == '-' ? 1 : 0);
        if (digits.Length is 0 or > 18 || (digits[0] == '0' && id.Length != 1))
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        value = digits.Length < id.Length ? -value : value;
        return true;
    }
}
