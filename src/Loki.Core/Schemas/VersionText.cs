namespace Loki.Core.Schemas;

/// <summary>
/// Finds a ComfyUI version in text: in a dump's file name (<c>comfyui-0.3.64-core.object_info.json</c>) and at the
/// start of <c>/system_stats</c>'s <c>comfyui_version</c>. Matched by hand, exactly as the regular expressions
/// <c>comfyui[-_ ]?v?(\d+\.\d+(?:\.\d+)?)</c> (case-insensitive, culture-invariant) and <c>^\d+\.\d+(?:\.\d+)?</c> did:
/// every <c>--schemas</c> run asks, and building the regular expression engine's tables cost a short run more than
/// the rest of its dump handling (issue 10; VersionTextTests hold the two to the same answers).
/// </summary>
internal static class VersionText
{
    /// <summary>The version after the first <c>comfyui</c> (any case; then an optional <c>-</c>, <c>_</c> or space, an optional <c>v</c>) that is followed by one; else null.</summary>
    public static string? InFileName(ReadOnlySpan<char> name)
    {
        for (var at = 0; at + 7 <= name.Length; at++)
        {
            // Ordinal casing maps no letter but the ASCII ones onto these (not the Turkish dotted and dotless i), as the
            // culture-invariant expression did.
            if (!name.Slice(at, 7).Equals("comfyui", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var rest = name[(at + 7)..];
            if (rest.Length > 0 && rest[0] is '-' or '_' or ' ')
            {
                rest = rest[1..];
            }

            if (rest.Length > 0 && rest[0] is 'v' or 'V')
            {
                rest = rest[1..];
            }

            if (AtStart(rest) is { } version)
            {
                return version;
            }
        }

        return null;
    }

    /// <summary>The version (<c>1.2</c> or <c>1.2.3</c>, decimal digits of any script) that <paramref name="text"/> starts with; else null.</summary>
    public static string? AtStart(ReadOnlySpan<char> text)
    {
        var length = Digits(text, 0);
        var minor = length > 0 && length < text.Length && text[length] == '.' ? Digits(text, length + 1) : 0;
        if (minor == 0)
        {
            return null;
        }

        length += 1 + minor;
        if (length < text.Length && text[length] == '.' && Digits(text, length + 1) is var patch and > 0)
        {
            length += 1 + patch;
        }

        return text[..length].ToString();
    }

    // How many decimal digits (\d: Unicode category Nd) start at 'from'.
    private static int Digits(ReadOnlySpan<char> text, int from)
    {
        var at = from;
        while (at < text.Length && char.IsDigit(text[at]))
        {
            at++;
        }

        return at - from;
    }
}
