namespace Loki.Core.Schemas;

/// <summary>
/// Orders the definitions of one class newest first, from their content and provenance only (never from the order
/// the dumps were read in): a known ComfyUI version before an unknown one and a higher before a lower, then the
/// definition with more inputs (ComfyUI adds inputs far more often than it removes them), then the JSON text.
/// </summary>
internal static class SchemaRank
{
    /// <summary>Adds <paramref name="schema"/> to <paramref name="list"/> in rank order, unless an identical definition is there.</summary>
    public static void Insert(List<NodeSchema> list, NodeSchema schema)
    {
        for (var i = 0; i < list.Count; i++)
        {
            // The same parsed definition (a dump that is the catalogue's own) is the same text without writing it out;
            // definitions read from text are compared as elements, stopping at the first difference (RawDefinition).
            if (!list[i].SameJson(schema))
            {
                continue;
            }

            // The same definition from two dumps: keep the copy whose provenance ranks higher.
            if (Compare(schema, list[i]) < 0)
            {
                list.RemoveAt(i);
                break;
            }

            return;
        }

        var at = list.FindIndex(existing => Compare(schema, existing) < 0);
        list.Insert(at < 0 ? list.Count : at, schema);
    }

    /// <summary>Negative when <paramref name="a"/> is newer than <paramref name="b"/>.</summary>
    public static int Compare(NodeSchema a, NodeSchema b)
    {
        var (va, vb) = (a.Origin?.ParsedVersion, b.Origin?.ParsedVersion);
        if (va is not null || vb is not null)
        {
            if (va is null || vb is null)
            {
                return va is null ? 1 : -1;
            }

            if (va != vb)
            {
                return vb.CompareTo(va);
            }
        }

        if (a.Inputs.Count != b.Inputs.Count)
        {
            return b.Inputs.Count.CompareTo(a.Inputs.Count);
        }

        var byText = a.SameRaw(b) ? 0 : string.CompareOrdinal(a.RawText, b.RawText);
        return byText != 0 ? byText : string.CompareOrdinal(a.Origin?.Source, b.Origin?.Source);
    }
}
