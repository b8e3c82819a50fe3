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
    // What WholeNumber never gives (it reads at most 18 digits): the mark of an id that is no whole number.
    private const long NotWhole = long.MinValue;

    private readonly IReadOnlyList<UiNode> _nodes;

    // The positions of the nodes whose ids are whole numbers close together; the other ids (all of them when those lie
    // far apart) by text.
    private readonly DensePositions _dense;
    private readonly Dictionary<string, int>? _others;

    private UiNodeIndex(IReadOnlyList<UiNode> nodes, DensePositions dense, Dictionary<string, int>? others)
    {
        _nodes = nodes;
        _dense = dense;
        _others = others;
    }

    /// <summary>
    /// The index of <paramref name="nodes"/> (its dense positions in <paramref name="memory"/> when it is lent, see
    /// <see cref="WorkflowMemory"/>); <paramref name="repeated"/> gets the nodes whose id an earlier node has, in order.
    /// </summary>
    public static UiNodeIndex Of(IReadOnlyList<UiNode> nodes, out List<UiNode>? repeated, WorkflowMemory? memory = null)
    {
        repeated = null;
        var count = nodes.Count;

        // Each id is read as a number once (it was read twice: for the range, then for the index).
        var values = System.Buffers.ArrayPool<long>.Shared.Rent(Math.Max(count, 1));
        var (min, max, whole) = (long.MaxValue, long.MinValue, 0);
        for (var i = 0; i < count; i++)
        {
            if (WholeNumber(nodes[i].Id, out var value))
            {
                (min, max, whole) = (Math.Min(min, value), Math.Max(max, value), whole + 1);
                values[i] = value;
            }
            else
            {
                values[i] = NotWhole;
            }
        }

        var dense = whole > 0 && DensePositions.Fits(min, max, count)
            ? memory is null ? DensePositions.For(min, max) : memory.Dense(min, max)
            : default;
        Dictionary<string, int>? others = null;
        for (var i = 0; i < count; i++)
        {
            // One text per whole number (no sign or zero in front): the same value is the same id.
            var added = dense.IsMade && values[i] != NotWhole
                ? dense.TryAdd(values[i], i)
                : (others ??= new Dictionary<string, int>(StringComparer.Ordinal)).TryAdd(nodes[i].Id, i);
            if (!added)
            {
                (repeated ??= []).Add(nodes[i]);
            }
        }

        System.Buffers.ArrayPool<long>.Shared.Return(values);
        return new UiNodeIndex(nodes, dense, others);
    }

    /// <summary>The node with id <paramref name="id"/> (the first one, if a broken file repeats it), or null.</summary>
    public UiNode? Find(string id)
    {
        if (_dense.IsMade && WholeNumber(id, out var value))
        {
            return _dense.Find(value) is >= 0 and var position ? _nodes[position] : null;
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
