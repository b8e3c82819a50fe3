namespace Loki.Core.Schemas;

/// <summary>Compares two JSON texts token by token, ignoring the white space between tokens.</summary>
internal static class JsonWhiteSpace
{
    /// <summary>
    /// True when <paramref name="a"/> and <paramref name="b"/>, both valid JSON, hold the same tokens written the same
    /// way (strings with the same escapes, numbers with the same digits), so they parse to the same value. Strings,
    /// most of a definition's bytes, are compared whole (vectorised); between them one byte at a time.
    /// </summary>
    public static bool SameTokens(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        int i = 0, j = 0;
        while (true)
        {
            i = SkipSpace(a, i);
            j = SkipSpace(b, j);
            if (i == a.Length || j == b.Length)
            {
                return i == a.Length && j == b.Length;
            }

            if (a[i] != b[j])
            {
                return false;
            }

            if (a[i] != (byte)'"')
            {
                i++;
                j++;
                continue;
            }

            var (endA, endB) = (StringEnd(a, i), StringEnd(b, j));
            if (endA < 0 || endB < 0 || !a[i..endA].SequenceEqual(b[j..endB]))
            {
                return false;
            }

            (i, j) = (endA, endB);
        }
    }

    private static int SkipSpace(ReadOnlySpan<byte> text, int at)
    {
        while (at < text.Length && text[at] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
        {
            at++;
        }

        return at;
    }

    // The index just after the closing quote of the string that opens at 'start', or -1.
    private static int StringEnd(ReadOnlySpan<byte> text, int start)
    {
        var at = start + 1;
        while (at < text.Length)
        {
            var stop = text[at..].IndexOfAny((byte)'"', (byte)'\\');
            if (stop < 0)
            {
                return -1;
            }

            at += stop;
            if (text[at] == (byte)'"')
            {
                return at + 1;
            }

            at += 2;
        }

        return -1;
    }
}
