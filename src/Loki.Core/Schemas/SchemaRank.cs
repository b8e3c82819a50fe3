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
        if (ByVersion(a.Origin, b.Origin) is { } byVersion)
        {
            return byVersion;
        }

        if (a.Inputs.Count != b.Inputs.Count)
        {
            return b.Inputs.Count.CompareTo(a.Inputs.Count);
        }

        var byText = a.SameRaw(b) ? 0 : string.CompareOrdinal(a.RawText, b.RawText);
        return byText != 0 ? byText : string.CompareOrdinal(a.Origin?.Source, b.Origin?.Source);
    }

    /// <summary>
    /// <see cref="Compare"/> as far as the provenance alone decides it (a known version before an unknown one, a
    /// higher before a lower): negative when a definition from <paramref name="a"/> is newer than one from
    /// <paramref name="b"/>, positive when older, null when the versions are equal or both unknown (the definitions decide).
    /// </summary>
    public static int? ByVersion(SchemaOrigin? a, SchemaOrigin? b)
    {
        var (va, vb) = (a?.ParsedVersion, b?.ParsedVersion);
        if (va is null && vb is null)
        {
            return null;
        }

        if (va is null || vb is null)
        {
            return va is null ? 1 : -1;
        }

        return va != vb ? vb.CompareTo(va) : null;
    }
}
