using System.Text;

namespace Loki.Core.Workflows;

/// <summary>
/// Text a JSON string holds as printable ASCII without an escape ("plain": a saved widget value the direct reader found,
/// a combo option looked up from its bytes): its bytes are its characters, one each, so it is read without decoding.
/// </summary>
internal static class PlainText
{
    /// <summary>True when <paramref name="utf8"/> (between a string's quotes) is printable ASCII without a backslash.</summary>
    public static bool Is(ReadOnlySpan<byte> utf8) => utf8.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E) < 0 && !utf8.Contains((byte)'\\');

    /// <summary>The string of plain <paramref name="utf8"/>.</summary>
    public static string String(ReadOnlySpan<byte> utf8) => Encoding.ASCII.GetString(utf8);

    /// <summary>The characters of plain <paramref name="utf8"/>, into <paramref name="chars"/> (as long as it).</summary>
    public static void Chars(ReadOnlySpan<byte> utf8, Span<char> chars) => Ascii.ToUtf16(utf8, chars, out _);
}
