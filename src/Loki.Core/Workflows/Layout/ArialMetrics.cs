namespace Loki.Core.Workflows.Layout;

/// <summary>
/// Text widths in Arial, the font litegraph measures node titles and slot names in (<c>LiteGraph.NODE_FONT</c>):
/// the advance width of each printable ASCII character in thousandths of an em, as Chromium's canvas
/// <c>measureText</c> reports it for Arial (metric-compatible Liberation Sans), rounded up. Summing advances ignores
/// kerning, which only narrows text, so the result never falls short of what the frontend measures.
/// </summary>
internal static class ArialMetrics
{
    /// <summary>Any other character: wider than any Latin, CJK or emoji glyph the browser may substitute.</summary>
    private const int OtherEm = 1250;

    private static readonly short[] Ascii =
    [
        278, 278, 355, 557, 557, 890, 667, 191, 334, 334, 390, 584, 278, 334, 278, 278, // ' ' .. '/'
        557, 557, 557, 557, 557, 557, 557, 557, 557, 557, 278, 278, 584, 584, 584, 557, // '0' .. '?'
        1016, 667, 667, 723, 723, 667, 611, 778, 723, 278, 500, 667, 557, 834, 723, 778, // '@' .. 'O'
        667, 778, 723, 667, 611, 723, 667, 944, 667, 667, 611, 278, 278, 278, 470, 557, // 'P' .. '_'
        334, 557, 557, 500, 557, 557, 278, 557, 557, 223, 223, 500, 223, 834, 557, 557, // '`' .. 'o'
        557, 557, 334, 500, 278, 557, 500, 723, 500, 500, 500, 334, 260, 334, 584, // 'p' .. '~'
    ];

    /// <summary>The width of <paramref name="text"/> at <paramref name="fontSize"/> pixels.</summary>
    public static double Width(string text, double fontSize)
    {
        long em = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            em += rune.Value is >= 32 and <= 126 ? Ascii[rune.Value - 32] : OtherEm;
        }

        return em * fontSize / 1000.0;
    }
}
