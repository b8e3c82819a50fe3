using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Loki.Core.Schemas;

/// <summary>
/// A hash of a definition's text as far as it can change how a node's saved widgets fit it (<c>SchemaChoice</c>):
/// its <c>input</c> and <c>input_order</c>, token by token, less each input option's <c>tooltip</c> and with a combo's
/// option list that never counts (empty, or naming a file: a list of files says which machine made a dump, not which
/// version) as one mark. Two definitions of one class with the same key read into the same inputs but for tooltips and
/// such lists, so they fit every node equally and the lower-ranked is never chosen (issue 10: a run need not read or
/// parse a dump's definition whose key the catalogue's, ranked above it, shares; a cached index marks such definitions).
/// </summary>
/// <remarks>
/// Read from the text, so it costs a pass of <see cref="Utf8JsonReader"/> over the inputs and nothing is parsed. Finer
/// than the weighing is safe (white space aside, other escapes or number spellings make other keys: both are then
/// weighed, as before); coarser is not: <c>WidgetFitKeyTests</c> weighs every pair of one class's corpus definitions
/// that share a key against every corpus node and against made-up values. The salt names the rule: change it with the
/// rule, so that a mark made by another build is never taken for this one's.
/// </remarks>
internal static partial class WidgetFitKey
{
    /// <summary>Names the rule ("wfkey-01"): a cached index's fit marks were judged by it, so its checksum is seeded with it.</summary>
    public const ulong Rule = 0x77666B65792D3031;

    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 512 };

    // One hasher per thread, reset for each spec and for the key (a dump's first run keys every class the catalogue
    // defines otherwise: one each was most of what keying allocated).
    [ThreadStatic]
    private static XxHash3? t_hash;

    /// <summary>The key of a definition's UTF-8 <paramref name="definition"/>; 0 (no key: always weighed) when it is no JSON object or writes a key twice.</summary>
    public static ulong Of(ReadOnlySpan<byte> definition)
    {
        var hash = t_hash ??= new XxHash3();
        List<(string Name, ulong Spec)>?[] inputs = [null, null];
        List<string?>?[] order = [null, null];
        try
        {
            var reader = new Utf8JsonReader(definition, ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return 0;
            }

            var seen = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var part = reader.ValueTextEquals("input"u8) ? 1 : reader.ValueTextEquals("input_order"u8) ? 2 : 0;
                if ((seen & part) != 0)
                {
                    return 0;
                }

                seen |= part;
                reader.Read();
                if (part != 0 && reader.TokenType == JsonTokenType.StartObject && !(part == 1 ? ReadInputs(ref reader, inputs, hash) : ReadOrder(ref reader, order)))
                {
                    return 0;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            return 0;
        }

        hash.Reset();
        Add(hash, unchecked((int)Rule));
        Add(hash, (int)(Rule >> 32));
        foreach (var (section, name, spec) in Ordered(inputs, order))
        {
            Add(hash, section);
            Add(hash, name.Length);
            hash.Append(MemoryMarshal.AsBytes(name.AsSpan()));
            hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<ulong>(in spec)));
        }

        var key = hash.GetCurrentHashAsUInt64();
        return key == 0 ? 1 : key;
    }

    // The inputs as NodeSchemaReader orders them (NodeSchemaParser.Order): each section's names in input_order first,
    // in that order (names of no input, and repeats, passed over), then every input not named, in key order.
    private static IEnumerable<(int Section, string Name, ulong Spec)> Ordered(List<(string Name, ulong Spec)>?[] inputs, List<string?>?[] order)
    {
        var used = new HashSet<(int, int)>();
        for (var s = 0; s < 2; s++)
        {
            if (order[s] is { } names && inputs[s] is { } specs)
            {
                foreach (var name in names)
                {
                    var at = specs.FindIndex(x => x.Name == name);
                    if (at >= 0 && used.Add((s, at)))
                    {
                        yield return (s, specs[at].Name, specs[at].Spec);
                    }
                }
            }
        }

        for (var s = 0; s < 2; s++)
        {
            for (var i = 0; i < (inputs[s]?.Count ?? 0); i++)
            {
                if (used.Add((s, i)))
                {
                    yield return (s, inputs[s]![i].Name, inputs[s]![i].Spec);
                }
            }
        }
    }

    // "input": { "required": { name: spec, ... }, "optional": {...}, ... } from its start to its end; false where a key
    // is written twice. A section that is not an object holds no input, as the readers take it; others are not read.
    private static bool ReadInputs(ref Utf8JsonReader reader, List<(string Name, ulong Spec)>?[] into, XxHash3 hash)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var section = Section(ref reader);
            reader.Read();
            if (section < 0 || reader.TokenType != JsonTokenType.StartObject)
            {
                if (section >= 0 && into[section] is not null)
                {
                    return false;
                }

                if (section >= 0)
                {
                    into[section] = [];
                }

                reader.Skip();
                continue;
            }

            if (into[section] is not null)
            {
                return false;
            }

            var list = into[section] = [];
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                if (list.Exists(x => x.Name == name))
                {
                    return false;
                }

                reader.Read();
                list.Add((name, SpecHash(ref reader, hash)));
            }
        }

        return true;
    }

    // "input_order": { "required": [names], "optional": [...] } from its start to its end (an item that is no string
    // names nothing); false where a key is written twice.
    private static bool ReadOrder(ref Utf8JsonReader reader, List<string?>?[] into)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var section = Section(ref reader);
            reader.Read();
            if (section >= 0 && into[section] is not null)
            {
                return false;
            }

            if (section < 0 || reader.TokenType != JsonTokenType.StartArray)
            {
                if (section >= 0)
                {
                    into[section] = [];
                }

                reader.Skip();
                continue;
            }

            var names = into[section] = [];
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                names.Add(reader.TokenType == JsonTokenType.String ? reader.GetString() : null);
                reader.Skip();
            }
        }

        return true;
    }

    private static int Section(ref Utf8JsonReader reader) => reader.ValueTextEquals("required"u8) ? 0 : reader.ValueTextEquals("optional"u8) ? 1 : -1;
}
