using System.Collections.Immutable;

namespace Loki.Core.Naming;

/// <summary>
/// The name layer of a LOKI node (<c>&lt;n&gt;_name.md</c>): how people and the UI call it. Read with
/// <see cref="NameLayerReader"/>, which accepts the markdown shapes found in hand-kept libraries.
/// </summary>
/// <param name="OfficialName">The human name (<c>List Installed Nodes</c>); null when the file gives none.</param>
/// <param name="Token">A unique short token, ideally starting with emojis (<c>📜🔍ListInstalled</c>).</param>
/// <param name="EmojiIcon">One emoji (<c>📜</c>).</param>
/// <param name="Recipes">Each <c>&lt;input tokens&gt; =&gt; &lt;output tokens&gt;</c> recipe, in file order.</param>
/// <param name="X2YFormats">Each X2Y format (<c>T2I_Flux</c>), in file order.</param>
/// <param name="Aliases">Other names.</param>
/// <param name="Tags">Search tags.</param>
/// <param name="Metaphors">Metaphors describing the node.</param>
/// <param name="Extra">Other fields found (upper-case key → text), kept for reports.</param>
public sealed record NameLayer(
    string? OfficialName,
    string? Token,
    string? EmojiIcon,
    ImmutableArray<string> Recipes,
    ImmutableArray<string> X2YFormats,
    ImmutableArray<string> Aliases,
    ImmutableArray<string> Tags,
    ImmutableArray<string> Metaphors,
    ImmutableSortedDictionary<string, string> Extra)
{
    /// <summary>A name layer with nothing in it.</summary>
    public static readonly NameLayer Empty = new(null, null, null, [], [], [], [], [], ImmutableSortedDictionary<string, string>.Empty);

    /// <summary>The first recipe, or null.</summary>
    public string? Recipe => Recipes.IsDefaultOrEmpty ? null : Recipes[0];

    /// <summary>The first X2Y format, or null.</summary>
    public string? X2YFormat => X2YFormats.IsDefaultOrEmpty ? null : X2YFormats[0];

    /// <summary>
    /// The emojis that open the display name: the token's leading emojis (<c>📜🔍</c>), else the emoji icon, else null.
    /// </summary>
    public string? DisplayEmojis
    {
        get
        {
            if (Token is { Length: > 0 } token)
            {
                var end = 0;
                while (end < token.Length && !char.IsAsciiLetterOrDigit(token[end]) && token[end] != '_')
                {
                    end++;
                }

                var lead = token[..end].Trim();
                if (lead.Length > 0)
                {
                    return lead;
                }
            }

            return string.IsNullOrWhiteSpace(EmojiIcon) ? null : EmojiIcon.Trim();
        }
    }

    /// <summary>
    /// The ComfyUI display name <c>"&lt;emojis&gt; &lt;Official Name&gt; (LOKI)"</c>; the official name falls back to
    /// the node name in title case (<c>image_levels</c> → <c>Image Levels</c>).
    /// </summary>
    public string DisplayName(string nodeName)
    {
        var name = OfficialName ?? NodeNames.ToTitle(nodeName);
        return DisplayEmojis is { } emojis ? $"{emojis} {name} (LOKI)" : $"{name} (LOKI)";
    }
}
