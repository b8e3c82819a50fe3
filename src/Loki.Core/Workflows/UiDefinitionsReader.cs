using System.Text.Json;

namespace Loki.Core.Workflows;

/// <summary>
/// Reads a workflow's subgraph definitions (<c>definitions.subgraphs</c>, nested ones included) for
/// <see cref="UiDirectReader"/>, value for value as <see cref="UiWorkflow"/> collects them from elements: each definition
/// that is an object with a string <c>id</c> becomes a graph (its nodes, links, inputs, outputs and name), followed by the
/// definitions nested in it; a definition without one is left out with everything nested in it. Reading stops (false:
/// the element path reads the file) at a key these views read written with an escape or twice, or a node entry that
/// is not an object with an id.
/// </summary>
internal static class UiDefinitionsReader
{
    private const int Nodes = 1, Links = 2, Inputs = 4, Outputs = 8, Id = 16, Name = 32, Definitions = 64;

    /// <summary>
    /// Reads the <c>definitions</c> object the reader is on (left on its end), whose graphs belong to
    /// <paramref name="parent"/>, adding each to <paramref name="into"/> in collection order.
    /// </summary>
    public static bool Read(ref Utf8JsonReader reader, LazyJsonRoot source, UiGraph parent, List<(string Id, UiGraph Graph)> into)
    {
        var seen = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isSubgraphs = reader.ValueTextEquals("subgraphs"u8);
            if (reader.ValueIsEscaped || (isSubgraphs && seen))
            {
                return false;
            }

            reader.Read();
            if (isSubgraphs)
            {
                seen = true;
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    if (!ReadSubgraphs(ref reader, source, parent, into))
                    {
                        return false;
                    }

                    continue;
                }
            }

            reader.Skip();
        }

        return true;
    }

    // An entry that is not an object is no definition (its index still counts, as in the element path's paths).
    private static bool ReadSubgraphs(ref Utf8JsonReader reader, LazyJsonRoot source, UiGraph parent, List<(string Id, UiGraph Graph)> into)
    {
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var at = index++;
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            if (!ReadDefinition(ref reader, source, new UiGraph(source, parent, at, JsonPathText.Index(parent.JsonPath + ".definitions.subgraphs", at)), into))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ReadDefinition(ref Utf8JsonReader reader, LazyJsonRoot source, UiGraph graph, List<(string Id, UiGraph Graph)> into)
    {
        List<UiNode>? nodes = null;
        UiLinkTable? links = null;
        List<UiSlot>? inputs = null, outputs = null;
        List<long?>? outputLinks = null;
        List<(string Id, UiGraph Graph)>? nested = null;
        string? id = null, name = null;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = Key(ref reader);
            if (key < 0 || (key > 0 && (seen & key) != 0))
            {
                return false;
            }

            seen |= key;
            reader.Read();
            var isArray = reader.TokenType == JsonTokenType.StartArray;
            switch (key)
            {
                case Nodes when isArray:
                    nodes = ReadNodes(ref reader, graph, source);
                    if (nodes is null)
                    {
                        return false;
                    }

                    break;
                case Links when isArray:
                    links = UiDirectReader.ReadLinks(ref reader, graph.JsonPath + ".links", source.Memory);
                    if (links is null)
                    {
                        return false;
                    }

                    break;
                case Inputs when isArray:
                    inputs = ReadIo(ref reader, graph, "inputs", null);
                    if (inputs is null)
                    {
                        return false;
                    }

                    break;
                case Outputs when isArray:
                    outputLinks = [];
                    outputs = ReadIo(ref reader, graph, "outputs", outputLinks);
                    if (outputs is null)
                    {
                        return false;
                    }

                    break;
                case Id: id = ReaderValues.String(ref reader); break;
                case Name: name = ReaderValues.String(ref reader); break;
                case Definitions when reader.TokenType == JsonTokenType.StartObject:
                    nested = [];
                    if (!Read(ref reader, source, graph, nested))
                    {
                        return false;
                    }

                    break;
                default: reader.Skip(); break;
            }
        }

        graph.SetRead(nodes is null ? [] : [.. nodes], links ?? UiLinkTable.From([], graph.JsonPath + ".links"), name);
        graph.SetDefinition(id, inputs ?? [], outputs ?? [], outputLinks ?? []);
        if (id is not null)
        {
            into.Add((id, graph));
            into.AddRange(nested ?? []);
        }

        return true;
    }

    // The nodes of a definition, in file order; null when an entry is not an object with an id.
    private static List<UiNode>? ReadNodes(ref Utf8JsonReader reader, UiGraph graph, LazyJsonRoot source)
    {
        var nodes = new List<UiNode>();
        source.Memory.StartNodes();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject || UiNodeReader.Read(ref reader, graph, nodes.Count, source) is not { } node)
            {
                return null;
            }

            nodes.Add(node);
        }

        source.Memory.FinishNodes(graph);
        return nodes;
    }

    // A definition's inputs or outputs, as the element path reads them: an object's name (a string, else empty) and type,
    // anything else an unnamed untyped slot; for outputs (firstLinks given) also the first entry of each one's linkIds
    // (JsonRead.Long: null when there is none), which the converter follows out of the definition. Null when one of
    // these keys is written with an escape or twice.
    private static List<UiSlot>? ReadIo(ref Utf8JsonReader reader, UiGraph graph, string key, List<long?>? firstLinks)
    {
        var slots = new List<UiSlot>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            string? name = null;
            var type = string.Empty;
            long? firstLink = null;
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                var seen = 0;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var field = IoKey(ref reader);
                    if (field < 0 || (field > 0 && (seen & field) != 0))
                    {
                        return null;
                    }

                    seen |= field;
                    reader.Read();
                    switch (field)
                    {
                        case 1: name = ReaderValues.String(ref reader); break;
                        case 2: type = ReaderValues.Type(ref reader); break;
                        case 4 when reader.TokenType == JsonTokenType.StartArray:
                            if (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                            {
                                firstLink = ReaderValues.Long(ref reader);
                                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                                {
                                    reader.Skip();
                                }
                            }

                            break;
                        default: reader.Skip(); break;
                    }
                }
            }
            else
            {
                reader.Skip();
            }

            slots.Add(new UiSlot(name ?? string.Empty, type, null, null, graph, key, slots.Count));
            firstLinks?.Add(firstLink);
        }

        return slots;
    }

    // name 1, type 2, linkIds 4, any other key 0, a key written with an escape -1.
    private static int IoKey(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped ? -1 : reader.ValueTextEquals("name"u8) ? 1 : reader.ValueTextEquals("type"u8) ? 2 : reader.ValueTextEquals("linkIds"u8) ? 4 : 0;

    // The bit of a definition key the views read, 0 for any other key, -1 for a key written with an escape.
    private static int Key(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            return -1;
        }

        var name = reader.ValueSpan;
        return name.Length switch
        {
            5 when name.SequenceEqual("nodes"u8) => Nodes,
            5 when name.SequenceEqual("links"u8) => Links,
            6 when name.SequenceEqual("inputs"u8) => Inputs,
            7 when name.SequenceEqual("outputs"u8) => Outputs,
            2 when name.SequenceEqual("id"u8) => Id,
            4 when name.SequenceEqual("name"u8) => Name,
            11 when name.SequenceEqual("definitions"u8) => Definitions,
            _ => 0,
        };
    }
}
