using System.Collections.Immutable;

namespace Loki.Core.Naming;

/// <summary>
/// The name layer of a LOKI node (<c>&lt;n&gt;_name.md</c>): how people and menus call it. Every field is optional.
/// </summary>
/// <param name="OfficialName">The human name (<c>List Installed Nodes</c>).</param>
/// <param name="Token">A unique short token, ideally starting with emojis (<c>📜🔍ListInstalled</c>).</param>
/// <param name="EmojiIcon">One emoji (<c>📜</c>).</param>
/// <param name="Recipe"><c>&lt;input tokens&gt; =&gt; &lt;output tokens&gt;</c>.</param>
/// <param name="X2YFormat">E.g. <c>T2I_Flux</c>.</param>
/// <param name="Aliases">Other names.</param>
/// <param name="Tags">Search tags.</param>
/// <param name="Metaphors">Metaphors describing the node.</param>
public sealed record NameLayer(
    string? OfficialName = null,
    string? Token = null,
    string? EmojiIcon = null,
    string? Recipe = null,
    string? X2YFormat = null,
    ImmutableArray<string> Aliases = default,
    ImmutableArray<string> Tags = default,
    ImmutableArray<string> Metaphors = default)
{
    /// <summary>The emojis shown before the name: <see cref="EmojiIcon"/>, else the emojis <see cref="Token"/> starts with.</summary>
    public string? Emojis => !string.IsNullOrWhiteSpace(EmojiIcon) ? EmojiIcon : LeadingEmojis(Token);

    /// <summary>The leading run of non-letter, non-digit, non-space characters of <paramref name="token"/> (its emojis).</summary>
    public static string? LeadingEmojis(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var end = 0;
        var enumerator = System.Globalization.StringInfo.GetTextElementEnumerator(token);
        while (enumerator.MoveNext())
        {
            var element = (string)enumerator.Current;
            if (element.Length == 1 && (char.IsLetterOrDigit(element[0]) || char.IsWhiteSpace(element[0]) || char.IsPunctuation(element[0])))
            {
                break;
            }

            end += element.Length;
        }

        return end == 0 ? null : token[..end];
    }
}
