namespace Loki.Core.Workflows;

/// <summary>
/// Memory a caller lends to loading, one workflow after another: a UI workflow read with it
/// (<see cref="WorkflowLoader.Parse(ReadOnlyMemory{byte}, string, WorkflowMemory?)"/>,
/// <see cref="WorkflowLoader.Load(string, Loki.Core.IO.FileReadBuffer?, WorkflowMemory?)"/>) keeps its graphs' input
/// slots, saved widget values, links and id indexes in this memory's arrays instead of arrays of its own, and its nodes
/// are this memory's node objects; the next load with the same memory writes over them. Be done with a result (and all that came from it: nodes, links,
/// converted prompts that point into it) before the next load with its memory, as with a
/// <see cref="Loki.Core.IO.FileReadBuffer"/>.
/// </summary>
/// <remarks>
/// Why: converting a large workflow allocated ~280 KB in the loader (the 976-node corpus workflow: 117 KB of node
/// objects, 64 KB of links, 53 KB of input slots, 23 KB of id indexes, 19 KB of saved values), all of it garbage by the
/// next file: a batch's thread (or a benchmark's loop) paid for those bytes and the collections they caused again and
/// again. The memory's arrays and nodes grow to the largest file read and stay (the strings they hold are mostly the
/// loader's shared ones, which live as long). One load at a time: not for two threads at once.
/// </remarks>
public sealed class WorkflowMemory
{
    /// <summary>Memory that nothing has used yet.</summary>
    public WorkflowMemory()
        : this(lends: true)
    {
    }

    private WorkflowMemory(bool lends) => Lends = lends;

    // The thread's scratch for a load without lent memory: filled as lent memory is, but each graph gets copies of its
    // part (arrays of their own), and the scratch is emptied for the next graph.
    [ThreadStatic]
    private static WorkflowMemory? _scratch;

    /// <summary>True for memory a caller lent (graphs keep its arrays); false for the thread's scratch (graphs get copies).</summary>
    internal bool Lends { get; }

    /// <summary>Input slots, node after node (<see cref="UiGraph.InputPool"/>).</summary>
    internal LentArray<UiSlotFields> Slots { get; } = new();

    /// <summary>Saved widget values, node after node (<see cref="UiGraph.SavedPool"/>).</summary>
    internal LentArray<SavedValue> Saved { get; } = new();

    /// <summary>Links, one links array after another (<see cref="UiLinkTable"/>).</summary>
    internal LentArray<UiLinkFields> Links { get; } = new();

    /// <summary>The positions of the dense id indexes of nodes and links (<see cref="DensePositions"/>).</summary>
    internal LentArray<int> Positions { get; } = new();

    // The nodes of lent memory's loads, made again for each load (UiNode.Reuse) from the first on; how many this load has taken.
    private readonly List<UiNode> _nodes = [];
    private int _nodesTaken;

    /// <summary>
    /// Node <paramref name="index"/> of <paramref name="graph"/> as the direct reader read it: in lent memory, the next
    /// of the nodes earlier loads made (the caller is done with them), else a new node.
    /// </summary>
    internal UiNode Node(UiGraph graph, int index, in UiNodeFields fields)
    {
        if (!Lends)
        {
            return new UiNode(graph, index, fields);
        }

        if (_nodesTaken < _nodes.Count)
        {
            var node = _nodes[_nodesTaken++];
            node.Reuse(graph, index, fields);
            return node;
        }

        var made = new UiNode(graph, index, fields);
        _nodes.Add(made);
        _nodesTaken++;
        return made;
    }

    /// <summary>
    /// The memory a load uses: <paramref name="lent"/> when given, else the thread's scratch; either way emptied for the
    /// load (a load that failed half way left values in it that nothing points to any more).
    /// </summary>
    internal static WorkflowMemory ForLoad(WorkflowMemory? lent)
    {
        var memory = lent ?? (_scratch ??= new WorkflowMemory(lends: false));
        memory.Reset();
        return memory;
    }

    /// <summary>
    /// Starts a graph's nodes: the thread's scratch is emptied (each graph copies out its part, see
    /// <see cref="FinishNodes"/>); lent memory keeps what earlier graphs of the load hold and adds after it.
    /// </summary>
    internal void StartNodes()
    {
        if (!Lends)
        {
            Slots.Reset(clear: true);
            Saved.Reset(clear: true);
        }
    }

    /// <summary>Gives <paramref name="graph"/> the input slots and saved values of the nodes read since <see cref="StartNodes"/>.</summary>
    internal void FinishNodes(UiGraph graph)
    {
        if (Lends)
        {
            // The nodes hold where theirs start in these arrays (after the earlier graphs' of the load).
            graph.SetPools(Slots.Items, Saved.Items);
            return;
        }

        graph.SetPools(Slots.CopyFrom(0), Saved.CopyFrom(0));
        StartNodes();
    }

    /// <summary>Starts a links array: where its links will start in <see cref="Links"/> (the scratch is emptied first).</summary>
    internal int StartLinks()
    {
        if (!Lends)
        {
            Links.Reset(clear: true);
        }

        return Links.Count;
    }

    /// <summary>An empty dense index for keys from <paramref name="min"/> to <paramref name="max"/>: in lent memory, or an array of its own.</summary>
    internal DensePositions Dense(long min, long max)
    {
        if (!Lends)
        {
            return DensePositions.For(min, max);
        }

        // Taken before reading Items: taking may grow (replace) the array.
        var length = (int)(max - min + 1);
        var start = Positions.TakeCleared(length);
        return DensePositions.In(Positions.Items, start, length, min);
    }

    /// <summary>Forgets every value (the scratch's references cleared, so that it keeps no file's strings alive).</summary>
    internal void Reset()
    {
        Slots.Reset(!Lends);
        Saved.Reset(!Lends);
        Links.Reset(!Lends);
        Positions.Reset(!Lends);
        _nodesTaken = 0;
    }
}
