using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Loki.Core.Workflows;

namespace Loki.Core.Conversion.UiToApi;

/// <summary>One entry of a converted prompt; its inputs are <c>Inputs[InputStart..InputStart+InputCount)</c> of the prompt.</summary>
/// <param name="Id">The execution id (the prompt's key).</param>
/// <param name="ClassType">The node class.</param>
/// <param name="Title">The <c>_meta.title</c> (null is written as JSON null).</param>
/// <param name="InputStart">Where its inputs start in <see cref="ConvertedPrompt.Inputs"/>.</param>
/// <param name="InputCount">How many inputs it has there (removed ones included).</param>
internal readonly record struct PromptEntry(string Id, string ClassType, string? Title, int InputStart, int InputCount);

/// <summary>
/// The API prompt a conversion made, as typed entries: what the writer writes straight to UTF-8
/// (<see cref="ConvertedPromptWriter"/>) and what <see cref="ToJsonObject"/> turns into the old tree only when a caller
/// asks for one. Inputs keep <see cref="JsonObject"/>'s rules: setting a name again replaces the value in place.
/// </summary>
internal sealed class ConvertedPrompt
{
    private readonly List<PromptEntry> _entries;
    private readonly PromptInputBuffer _inputs;
    [ThreadStatic]
    private static int[]? _scratch;

    // The id -> entry index table of IndexOf: one per thread, filled for the prompt that asked last (a table per
    // conversion was most of what the cycle check allocated).
    [ThreadStatic]
    private static Dictionary<string, int>? _index;

    [ThreadStatic]
    private static ConvertedPrompt? _indexed;
    private int _open = -1;

    /// <summary>An empty prompt with room for <paramref name="entries"/> entries holding <paramref name="inputs"/> inputs in all.</summary>
    public ConvertedPrompt(int entries = 0, int inputs = 0)
    {
        _entries = new List<PromptEntry>(entries);
        _inputs = new PromptInputBuffer(inputs);
    }

    /// <summary>The entries in prompt order.</summary>
    public IReadOnlyList<PromptEntry> Entries => _entries;

    /// <summary>Every entry's inputs, one entry after another (a copy: tests read it).</summary>
    public IReadOnlyList<PromptInput> Inputs => _inputs.Span.ToArray();

    /// <summary>The entries, for walking without an enumerator.</summary>
    public ReadOnlySpan<PromptEntry> EntrySpan => CollectionsMarshal.AsSpan(_entries);

    /// <summary>Every entry's inputs, for walking without an enumerator.</summary>
    public ReadOnlySpan<PromptInput> InputSpan => _inputs.Span;

    /// <summary>The number of entries.</summary>
    public int Count => _entries.Count;

    /// <summary>Starts the entry of node <paramref name="id"/>; its inputs follow with <see cref="Set"/>.</summary>
    public void Begin(string id, string classType, string? title)
    {
        _entries.Add(new PromptEntry(id, classType, title, _inputs.Count, 0));
        _open = _entries.Count - 1;
    }

    /// <summary>Sets an input of the entry begun last: a name it already has keeps its place and takes the new value.</summary>
    public void Set(PromptInput input)
    {
        var entry = _entries[_open];
        var inputs = _inputs.Span;
        for (var i = entry.InputStart; i < inputs.Length; i++)
        {
            if (inputs[i].Kind != PromptInputKind.Removed && string.Equals(inputs[i].Name, input.Name, StringComparison.Ordinal))
            {
                inputs[i] = input;
                return;
            }
        }

        _inputs.Add(input);
        _entries[_open] = entry with { InputCount = entry.InputCount + 1 };
    }

    /// <summary>The length of the array the inputs are kept in.</summary>
    internal int InputCapacity => _inputs.Capacity;

    /// <summary>Ends building: the inputs move into an array of their exact number (<see cref="PromptInputBuffer.Seal"/>).</summary>
    public void Seal() => _inputs.Seal();

    /// <summary>
    /// Adds an input to the entry begun last whose name the caller knows it does not hold yet (a node's mapped widgets
    /// of distinct names, first in their entry): <see cref="Set"/> without looking through the entry's inputs.
    /// </summary>
    public void Append(PromptInput input)
    {
        _inputs.Add(input);
        var entry = _entries[_open];
        _entries[_open] = entry with { InputCount = entry.InputCount + 1 };
    }

    /// <summary>True when the entry begun last has an input called <paramref name="name"/>.</summary>
    public bool Has(string name)
    {
        var entry = _entries[_open];
        var inputs = _inputs.Span;
        for (var i = entry.InputStart; i < inputs.Length; i++)
        {
            if (inputs[i].Kind != PromptInputKind.Removed && string.Equals(inputs[i].Name, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The index of the entry of node <paramref name="id"/>, or -1.</summary>
    public int IndexOf(string id)
    {
        var index = _index ??= new Dictionary<string, int>(StringComparer.Ordinal);
        if (!ReferenceEquals(_indexed, this))
        {
            index.Clear();
            index.EnsureCapacity(_entries.Count);
            for (var i = 0; i < _entries.Count; i++)
            {
                index.TryAdd(_entries[i].Id, i);
            }

            _indexed = this;
        }

        return index.TryGetValue(id, out var at) ? at : -1;
    }

    /// <summary>
    /// True when the links form a cycle (Kahn's algorithm on entry indexes; nearly every prompt is acyclic). First takes
    /// out every link to a node the prompt does not hold (the frontend drops them before queueing): a converted prompt is
    /// returned only once this ran.
    /// </summary>
    public bool HasCycle()
    {
        // Each link's origin is looked up once, into the scratch array's first part (it was looked up three times, and
        // the id index was a twentieth of converting a large graph); a link the prompt cannot follow is taken out first
        // and is not part of a cycle.
        var count = _entries.Count;
        var inputs = _inputs.Span;
        var scratch = Scratch(inputs.Length);
        var origins = scratch.AsSpan(0, inputs.Length);
        var links = 0;
        for (var i = 0; i < inputs.Length; i++)
        {
            if (inputs[i].Kind != PromptInputKind.Link)
            {
                continue;
            }

            origins[i] = IndexOf(inputs[i].Text!);
            if (origins[i] < 0)
            {
                inputs[i] = inputs[i].Removed();
            }
            else
            {
                links++;
            }
        }

        if (links == 0)
        {
            return false;
        }

        // The rest of the scratch array, cut in four: waiting counts, reader starts, fill positions, readers.
        var needed = inputs.Length + (3 * count) + 1 + links;
        scratch = Scratch(needed);
        origins = scratch.AsSpan(0, inputs.Length);
        var rest = scratch.AsSpan(inputs.Length, needed - inputs.Length);
        rest.Clear();
        var waiting = rest[..count];
        var readersStart = rest.Slice(count, count + 1);
        var fill = rest.Slice((2 * count) + 1, count);
        var readers = rest.Slice((3 * count) + 1, links);
        for (var i = 0; i < inputs.Length; i++)
        {
            if (inputs[i].Kind == PromptInputKind.Link)
            {
                readersStart[origins[i] + 1]++;
            }
        }

        // Readers of each source, grouped by source (a counting sort: no list per node).
        for (var i = 0; i < count; i++)
        {
            readersStart[i + 1] += readersStart[i];
        }

        readersStart[..count].CopyTo(fill);
        for (var e = 0; e < count; e++)
        {
            var entry = _entries[e];
            for (var i = entry.InputStart; i < entry.InputStart + entry.InputCount; i++)
            {
                if (inputs[i].Kind == PromptInputKind.Link)
                {
                    readers[fill[origins[i]]++] = e;
                    waiting[e]++;
                }
            }
        }

        // The ready nodes are kept in the fill positions' slots, which are no longer needed.
        var ready = fill;
        var top = 0;
        for (var i = 0; i < count; i++)
        {
            if (waiting[i] == 0)
            {
                ready[top++] = i;
            }
        }

        var done = 0;
        while (top > 0)
        {
            done++;
            var source = ready[--top];
            for (var r = readersStart[source]; r < readersStart[source + 1]; r++)
            {
                if (--waiting[readers[r]] == 0)
                {
                    ready[top++] = readers[r];
                }
            }
        }

        return done < count;
    }

    // The thread's scratch array, at least this long; a longer one keeps what the shorter held.
    private static int[] Scratch(int needed)
    {
        if (_scratch is { } s && s.Length >= needed)
        {
            return s;
        }

        var grown = new int[Math.Max(needed, 1024)];
        _scratch?.AsSpan(0, Math.Min(_scratch.Length, needed)).CopyTo(grown);
        return _scratch = grown;
    }

    /// <summary>The prompt as the tree callers of <see cref="UiToApiResult.Prompt"/> read (values copied, lists wrapped).</summary>
    public JsonObject ToJsonObject()
    {
        var prompt = new JsonObject();
        var all = _inputs.Span;
        foreach (var entry in _entries)
        {
            var inputs = new JsonObject();
            for (var i = entry.InputStart; i < entry.InputStart + entry.InputCount; i++)
            {
                var input = all[i];
                if (input.Kind != PromptInputKind.Removed)
                {
                    inputs[input.Name] = NodeOf(input);
                }
            }

            prompt[entry.Id] = new JsonObject
            {
                ["inputs"] = inputs,
                ["class_type"] = entry.ClassType,
                ["_meta"] = new JsonObject { ["title"] = entry.Title },
            };
        }

        return prompt;
    }
    private static JsonNode? NodeOf(PromptInput input)
    {
        if (input.Kind == PromptInputKind.Link)
        {
            return new JsonArray(input.Text, input.Slot);
        }

        var value = input.ToNode();
        return input.IsList ? new JsonObject { ["__value__"] = value } : value;
    }
}
