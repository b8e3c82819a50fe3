using System.Text.Json;

namespace Loki.Core.Workflows;

/// <summary>
/// Reads a UI workflow of the common shape straight from its bytes in one forward pass of a <see cref="Utf8JsonReader"/>
/// (which checks the whole text as JSON on the way) into the views, without a whole-file <see cref="JsonDocument"/>: a
/// load of such a file costs about one tokenising pass instead of a parse, a repeated-key scan and the views' element
/// reads. Whatever the views do not read is skipped; what they read on demand (widget values, properties, output slots)
/// is kept as where it sits in the bytes (<see cref="JsonSlice"/>), and the root object is made only when asked for
/// (<see cref="LazyJsonRoot"/>).
/// </summary>
/// <remarks>
/// Anything else gives null, and the loader takes the element path, which reports and reads it as before: text that is
/// not JSON (so errors keep their line and path), a root that is not an object or has no <c>nodes</c> array, a key written
/// with an escape or written twice where the views read keys (root, node, slot, widget, link, <c>extra</c>, subgraph
/// definitions: <see cref="UiDefinitionsReader"/>), a <c>nodes</c> entry that is not an object with an id, <c>links</c>
/// neither an array nor null. Keys repeated where the views do not read keys do not change a view; the values parsed on demand are read as
/// the loader reads a file (<see cref="JsonSource.ParseElement"/>: a repeat there keeps the last value, as before).
/// </remarks>
internal static class UiDirectReader
{
    private const string LinksPath = "$.links";

    private static readonly JsonReaderOptions Options = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 512,
    };

    [ThreadStatic]
    private static List<UiNode>? _nodes;

    /// <summary>
    /// The checked-shape view of <paramref name="utf8"/> (valid UTF-8, no byte order mark), or null; its graphs' arrays
    /// in <paramref name="lent"/> memory when given (see <see cref="WorkflowMemory"/>).
    /// </summary>
    public static UiWorkflow? TryRead(ReadOnlyMemory<byte> utf8, string file, WorkflowMemory? lent = null)
    {
        var memory = WorkflowMemory.ForLoad(lent);
        var source = new LazyJsonRoot(utf8, file, memory);
        var reader = new Utf8JsonReader(utf8.Span, Options);
        try
        {
            return ReadRoot(ref reader, source);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not JSON (or not text the reader can decode): the element path reports it with its line and path.
            return null;
        }
        finally
        {
            // The thread's list and scratch hold nothing of a file once it is read (or left to the element path); lent
            // memory holds what the graphs point into.
            _nodes?.Clear();
            if (!memory.Lends)
            {
                memory.Reset();
            }
        }
    }

    private static UiWorkflow? ReadRoot(ref Utf8JsonReader reader, LazyJsonRoot source)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var graph = new UiGraph(source);
        var nodes = _nodes ??= [];
        nodes.Clear();
        UiLinkTable? links = null;
        string? name = null;
        double? version = null;
        var groupNodes = default(JsonSlice);
        List<(string Id, UiGraph Graph)>? definitions = null;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = RootKey(ref reader);
            if (key < 0 || (key > 0 && (seen & key) != 0))
            {
                return null;
            }

            seen |= key;
            reader.Read();
            switch (key)
            {
                case 1 when reader.TokenType == JsonTokenType.StartArray:
                    if (!ReadNodes(ref reader, graph, source, nodes))
                    {
                        return null;
                    }

                    break;
                case 1:
                    return null;
                case 2 when reader.TokenType == JsonTokenType.StartArray:
                    links = ReadLinks(ref reader, LinksPath, source.Memory);
                    if (links is null)
                    {
                        return null;
                    }

                    break;
                case 2 when reader.TokenType != JsonTokenType.Null:
                    return null;
                case 4 when reader.TokenType == JsonTokenType.StartObject:
                    definitions = [];
                    if (!UiDefinitionsReader.Read(ref reader, source, graph, definitions))
                    {
                        return null;
                    }

                    break;
                case 8 when reader.TokenType == JsonTokenType.StartObject:
                    if (!ReadExtra(ref reader, source, out groupNodes))
                    {
                        return null;
                    }

                    break;
                case 16:
                    version = ReaderValues.Double(ref reader);
                    break;
                case 32:
                    name = ReaderValues.String(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        // Only white space may follow the root object (Read throws on anything else), as for a document.
        if ((seen & 1) == 0 || reader.Read())
        {
            return null;
        }

        graph.SetRead([.. nodes], links ?? UiLinkTable.From([], LinksPath), name);
        return new UiWorkflow(source, graph, version, groupNodes, definitions);
    }

    // The bit of a root key the views read (nodes 1, links 2, definitions 4, extra 8, version 16, name 32), 0 for any
    // other key, -1 for a key written with an escape (compared as text only by the element path).
    private static int RootKey(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            return -1;
        }

        var name = reader.ValueSpan;
        return name.Length switch
        {
            5 when name.SequenceEqual("nodes"u8) => 1,
            5 when name.SequenceEqual("links"u8) => 2,
            11 when name.SequenceEqual("definitions"u8) => 4,
            5 when name.SequenceEqual("extra"u8) => 8,
            7 when name.SequenceEqual("version"u8) => 16,
            4 when name.SequenceEqual("name"u8) => 32,
            _ => 0,
        };
    }

    // The nodes in file order, gathered in a list of the thread's (the graph gets them at their final count).
    private static bool ReadNodes(ref Utf8JsonReader reader, UiGraph graph, LazyJsonRoot source, List<UiNode> nodes)
    {
        var index = 0;
        source.Memory.StartNodes();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject || UiNodeReader.Read(ref reader, graph, index, source) is not { } node)
            {
                return false;
            }

            nodes.Add(node);
            index++;
        }

        source.Memory.FinishNodes(graph);
        return true;
    }

    // Where extra.groupNodes sits when it is an object (empty when absent or not an object): the definitions are parsed
    // from there when a node names one (most files that have the key never use it), never by making the whole root
    // object (which parsed the file a second time). False when the key is written with an escape or twice.
    private static bool ReadExtra(ref Utf8JsonReader reader, LazyJsonRoot source, out JsonSlice groupNodes)
    {
        groupNodes = default;
        var seen = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isGroupNodes = reader.ValueTextEquals("groupNodes"u8);
            if (reader.ValueIsEscaped || (isGroupNodes && seen))
            {
                return false;
            }

            reader.Read();
            if (isGroupNodes)
            {
                seen = true;
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    groupNodes = new JsonSlice(source, start, (int)reader.BytesConsumed - start);
                    continue;
                }
            }

            reader.Skip();
        }

        return true;
    }

    /// <summary>
    /// The links of the array the reader is on (<paramref name="path"/>: where it sits, for diagnostics) in file order,
    /// the first of a repeated id kept (as the element reader keeps it), read into <paramref name="memory"/>; null for an
    /// unusual one.
    /// </summary>
    internal static UiLinkTable? ReadLinks(ref Utf8JsonReader reader, string path, WorkflowMemory memory)
    {
        // A graph's links are read one array at a time (a definition's after the root's, never inside them).
        var list = memory.Links;
        var start = memory.StartLinks();
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            UiLinkFields link;
            var isLink = false;
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                isLink = UiLinkReader.FromArray(ref reader, index, out link);
            }
            else if (reader.TokenType == JsonTokenType.StartObject)
            {
                if (!UiLinkReader.FromObject(ref reader, index, out link, out isLink))
                {
                    return null;
                }
            }
            else
            {
                link = default;
            }

            index++;
            if (isLink)
            {
                list.Add(link);
            }
        }

        return UiLinkTable.From(memory, start, path);
    }
}
