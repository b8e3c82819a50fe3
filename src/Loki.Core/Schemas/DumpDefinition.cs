using System.Text;
using Loki.Core.Diagnostics;
using Loki.Core.Workflows;

namespace Loki.Core.Schemas;

/// <summary>
/// One definition of a class from one dump: already parsed (a dump read the eager way, an in-memory set), or the
/// place of its text in an indexed dump, parsed when the class is first asked for.
/// </summary>
internal sealed class DumpDefinition
{
    private readonly NodeSchema? _parsed;
    private readonly DumpIndex? _index;
    private readonly DumpEntry _entry;
    private readonly SchemaOrigin? _origin;
    private readonly ClassCandidates? _twin;

    /// <summary>A definition parsed with its dump (its origin already set).</summary>
    public DumpDefinition(NodeSchema parsed) => _parsed = parsed;

    /// <summary>A definition left as text in <paramref name="index"/>'s bytes.</summary>
    public DumpDefinition(DumpIndex index, DumpEntry entry, SchemaOrigin origin)
    {
        _index = index;
        _entry = entry;
        _origin = origin;
    }

    /// <summary>
    /// A definition whose text is the (only) candidate of <paramref name="twin"/> (the catalogue's class, met again in a
    /// dump that is the catalogue's own): that one parsed definition, with this dump's origin.
    /// </summary>
    public DumpDefinition(ClassCandidates twin, SchemaOrigin origin)
    {
        _twin = twin;
        _origin = origin;
    }

    /// <summary>The definition with its origin.</summary>
    public NodeSchema Schema()
    {
        if (_parsed is not null)
        {
            return _parsed;
        }

        if (_twin is not null)
        {
            return _twin.List[0] with { Origin = _origin };
        }

        // The slice is parsed as text exactly as the whole dump would be, so the definition (number text, key order,
        // a key written twice) is the one the eager parse gives.
        var text = Encoding.UTF8.GetString(_index!.Utf8.Span.Slice(_entry.Start, _entry.Length));
        var node = JsonSource.Parse(text, _origin!.Source, LokiCodes.SchemaInvalid);
        var schema = NodeSchemaParser.TryParse(_entry.ClassType, node, out var problem)
            ?? throw new InvalidOperationException($"'{_entry.ClassType}' was indexed as a definition but does not parse: {problem}");
        return schema with { Origin = _origin };
    }
}
