using System.Globalization;
using System.Text;

namespace Loki.Core.Rendering;

/// <summary>
/// Splits a line of text into runs drawn with the text face or the emoji face. Without a shaping engine each emoji is
/// drawn as its first code point (variation selectors and zero-width joiners dropped), which is exactly right for the
/// single emoji of name layers and keeps a ZWJ sequence readable as its first part.
/// </summary>
internal static class TextRuns
{
    /// <summary>One run: its text and whether the emoji face draws it.</summary>
    public readonly record struct Run(string Text, bool Emoji);

    /// <summary>The runs of <paramref name="text"/>; <paramref name="hasTextGlyph"/> says whether the text face covers a code point.</summary>
    public static IReadOnlyList<Run> Split(string text, Func<int, bool> hasTextGlyph)
    {
        var runs = new List<Run>();
        var current = new StringBuilder();
        var currentEmoji = false;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            var first = char.ConvertToUtf32(element, 0);
            var emoji = IsEmoji(element, first) || !hasTextGlyph(first) && first > 0x2000;
            var piece = emoji ? char.ConvertFromUtf32(first) : Clean(element);
            if (piece.Length == 0)
            {
                continue;
            }

            if (current.Length > 0 && emoji != currentEmoji)
            {
                runs.Add(new Run(current.ToString(), currentEmoji));
                current.Clear();
            }

            currentEmoji = emoji;
            current.Append(piece);
        }

        if (current.Length > 0)
        {
            runs.Add(new Run(current.ToString(), currentEmoji));
        }

        return runs;
    }

    // Pictographic planes and the BMP symbols that emoji presentation (FE0F) turns into emoji.
    private static bool IsEmoji(string element, int first) =>
        first is >= 0x1F000 and <= 0x1FAFF || element.Contains('\uFE0F', StringComparison.Ordinal) && first > 0x2000;

    private static string Clean(string element) =>
        element.Replace("\uFE0F", string.Empty, StringComparison.Ordinal).Replace("\uFE0E", string.Empty, StringComparison.Ordinal).Replace("\u200D", string.Empty, StringComparison.Ordinal);
}
