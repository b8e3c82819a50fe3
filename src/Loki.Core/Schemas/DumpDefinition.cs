using System.Runtime.CompilerServices;
using System.Text;
using Loki.Core.Diagnostics;
using Loki.Core.Workflows;

namespace Loki.Core.Schemas;

/// <summary>
/// One definition of a class from one dump: already parsed (a dump read the eager way, an in-memory set), or the
/// place of its text in an indexed dump, parsed when the class is first asked for and kept.
/// </summary>
internal sealed class DumpDefinition
{
    private readonly DumpIndex? _index;
    private readonly DumpEntry _entry;
    private readonly SchemaOrigin? _origin;
    private StrongBox<ReadOnlyMemory<byte>>? _text;
    private NodeSchema? _schema;
    private ulong _fitKey;

    /// <summary>A definition parsed with its dump (its origin already set).</summary>
    public DumpDefinition(NodeSchema parsed) => _schema = parsed;

    /// <summary>A definition left as text in <paramref name="index"/>'s bytes.</summary>
    public DumpDefinition(DumpIndex index, DumpEntry entry, SchemaOrigin origin)
    {
        _index = index;
        _entry = entry;
        _origin = origin;
    }

    /// <summary>Where the definition came from (known without parsing it).</summary>
    public SchemaOrigin? Origin => _origin ?? _schema?.Origin;

    /// <summary>
    /// True when this definition fits every node's widgets as <paramref name="other"/> does (the same
    /// <see cref="WidgetFitKey"/>), known without reading a file: against the catalogue, a definition of a cached index
    /// is what its index says; text held in memory (a dump read now, the catalogue) is keyed; anything else is false.
    /// </summary>
    public bool WeighsAs(DumpDefinition other)
    {
        if (_index is null || other._index is null)
        {
            return false;
        }

        if (_index.IsOnFile)
        {
            return SchemaSet.IsCatalogue(other._index) && _entry.WeighsAsCatalogue;
        }

        return !other._index.IsOnFile && FitKey() is not 0 and var key && key == other.FitKey();
    }

    // The key of text held in memory, worked out once.
    private ulong FitKey()
    {
        if (_fitKey == 0)
        {
            _fitKey = WidgetFitKey.Of(Text().Span);
        }

        return _fitKey;
    }

    /// <summary>The definition with its origin (parsed once; the same instance after).</summary>
    public NodeSchema Schema() => Volatile.Read(ref _schema) ?? Interlocked.CompareExchange(ref _schema, Parse(), null) ?? _schema!;

    /// <summary>
    /// <paramref name="twin"/>'s definition with this one's origin when both are text of dumps and the two texts are the
    /// same JSON written with other white space (issue 10, no work twice: a dump that repeats the catalogue's classes
    /// reuses the catalogue's parsed definitions); otherwise null.
    /// </summary>
    /// <remarks>Against the catalogue, a definition of a cached index is what its index says (judged when the index was
    /// made, against the catalogue this build ships): a twin without reading its text, or no twin without comparing.</remarks>
    public NodeSchema? AsTwinOf(DumpDefinition twin) => IsTwinOf(twin) ? twin.Schema() with { Origin = _origin } : null;

    /// <summary>True when <see cref="AsTwinOf"/> gives a definition: known without parsing either.</summary>
    public bool IsTwinOf(DumpDefinition twin) =>
        _index is not null && twin._index is not null
            && (SchemaSet.IsCatalogue(twin._index) && _index.IsOnFile ? _entry.CatalogueTwin : JsonWhiteSpace.SameTokens(Text().Span, twin.Text().Span));

    // Read once: a dump on a file is read only for the definitions a run uses, and compared before it is parsed.
    private ReadOnlyMemory<byte> Text() => (Volatile.Read(ref _text) ?? (_text = new(_index!.TextOf(_entry)))).Value;

    // Read from the UTF-8 at once where every key is distinct (NodeSchemaReader); otherwise the slice is parsed as text
    // exactly as the whole dump would be, so the definition (number text, key order, a key written twice) and any
    // error are the ones the eager parse gives.
    private NodeSchema Parse()
    {
        var text = Text();
        if (!NodeSchemaReader.TryRead(_entry.ClassType, text, out var schema, out var problem))
        {
            var node = JsonSource.Parse(Encoding.UTF8.GetString(text.Span), _origin!.Source, LokiCodes.SchemaInvalid);
            schema = NodeSchemaParser.TryParse(_entry.ClassType, node, out problem);
        }

        schema = schema
            ?? throw JsonSource.Fail(LokiCodes.SchemaInvalid, $"'{_entry.ClassType}' is no longer a node definition ({problem}): the dump changed while it was in use", _origin!.Source, JsonPathText.Key("$", _entry.ClassType));
        return schema with { Origin = _origin };
    }
}
