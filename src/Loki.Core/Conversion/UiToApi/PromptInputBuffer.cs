namespace Loki.Core.Conversion.UiToApi;

/// <summary>
/// The inputs of a <see cref="ConvertedPrompt"/> while it is built and after: built in the thread's spare array (lent
/// to one prompt at a time), then copied once into an array of exactly the inputs it holds (<see cref="Seal"/>).
/// </summary>
/// <remarks>
/// A prompt's inputs used to sit in a list sized for the most they could be (every widget plus every input slot), and
/// the 976-node workflow's came to 85,816 bytes: just over the 85,000 at which .NET puts an array on the large object
/// heap, whose budget set off a gen2 collection every few conversions (most of the gap between the mean and the median).
/// Widgets that are also input slots are counted once in the exact array, which for that workflow is well under it.
/// </remarks>
internal sealed class PromptInputBuffer
{
    // Above this many inputs the spare is dropped instead of kept for the thread's life (a rare huge workflow).
    private const int LargestSpare = 1 << 16;

    [ThreadStatic]
    private static PromptInput[]? _spare;

    private PromptInput[] _items;
    private bool _lent;

    /// <summary>An empty buffer with room for <paramref name="capacity"/> inputs, in the thread's spare array when it is free.</summary>
    public PromptInputBuffer(int capacity)
    {
        if (_spare is { } spare)
        {
            // Taken, not shared: a second prompt built on this thread before the first is sealed gets an array of its own.
            _spare = null;
            _items = spare.Length >= capacity ? spare : new PromptInput[capacity];
            _lent = true;
        }
        else
        {
            _items = capacity == 0 ? [] : new PromptInput[capacity];
            _lent = capacity > 0 && capacity <= LargestSpare;
        }
    }

    /// <summary>How many inputs it holds.</summary>
    public int Count { get; private set; }

    /// <summary>The length of the array it keeps them in (<see cref="Count"/> once sealed: what a prompt holds on to).</summary>
    public int Capacity => _items.Length;

    /// <summary>The inputs it holds, to read and change in place.</summary>
    public Span<PromptInput> Span => _items.AsSpan(0, Count);

    /// <summary>Adds an input at the end.</summary>
    public void Add(PromptInput input)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, Math.Max(16, _items.Length * 2));
        }

        _items[Count++] = input;
    }

    /// <summary>
    /// Moves the inputs into an array of exactly their number and gives the spare back to the thread (emptied: its
    /// values point into the converted workflow). Adding after this still works, into a grown copy.
    /// </summary>
    public void Seal()
    {
        if (!_lent)
        {
            return;
        }

        var lent = _items;
        _items = Span.ToArray();
        _lent = false;
        lent.AsSpan(0, Count).Clear();
        if (lent.Length <= LargestSpare)
        {
            _spare = lent;
        }
    }
}
