using Loki.Core.Diagnostics;
using Loki.Core.Naming;

namespace Loki.Core.Tests.Naming;

/// <summary>The name-layer shapes found in hand-kept LOKI libraries (dogcomplex/ComfyUI-LOKI), with our own content.</summary>
public sealed class NameLayerReaderTests
{
    [Fact]
    public void Parse_SectionsWithPlainValuesAndDashLists_ReadsEveryField()
    {
        var layer = Parse("""
            # Node Name: color_sorter

            ## Official Name

            Color Sorter

            ## TOKEN

            🎨🔀SortColors

            ## EMOJI_ICON

            🎨

            ## RECIPE

            `🖼️ => 🎨` (sorts the palette)

            ## X2Y_FORMAT

            `I2D_palette` (image in, data out)

            ## ALIASES

            - Palette Sorter
            - Hue Order

            ## TAGS

            - color
            - palette

            ## METAPHORS

            - A painter tidying the brushes.
            """);

        Assert.Equal("Color Sorter", layer.OfficialName);
        Assert.Equal("🎨🔀SortColors", layer.Token);
        Assert.Equal("🎨", layer.EmojiIcon);
        Assert.Equal(["🖼️ => 🎨"], layer.Recipes.ToArray());
        Assert.Equal("I2D_palette", layer.X2YFormat);
        Assert.Equal(["Palette Sorter", "Hue Order"], layer.Aliases.ToArray());
        Assert.Equal(["color", "palette"], layer.Tags.ToArray());
        Assert.Equal(["A painter tidying the brushes."], layer.Metaphors.ToArray());
        Assert.Equal("🎨🔀 Color Sorter (LOKI)", layer.DisplayName("color_sorter"));
    }

    [Fact]
    public void Parse_BacktickedValuesStarListsAndCommaTags_ReadsEveryField()
    {
        var layer = Parse("""
            # Mirror Node Naming (`mirror_name.md`)

            ## NAME

            Mirror

            ## TOKEN

            `🪞Flip`

            ## EMOJI_ICON

            `🪞`

            ## RECIPE

            `🖼️ => 🖼️🪞`

            _(Conceptual recipe: flips an image.)_

            ## TAGS

            `image`, `flip`, `Geometry`

            ## ALIASES

            *   Flipper
            *   Reflect
            """);

        Assert.Equal("Mirror", layer.OfficialName);
        Assert.Equal("🪞Flip", layer.Token);
        Assert.Equal("🪞", layer.EmojiIcon);
        Assert.Equal(["🖼️ => 🖼️🪞"], layer.Recipes.ToArray());
        Assert.Equal(["image", "flip", "Geometry"], layer.Tags.ToArray());
        Assert.Equal(["Flipper", "Reflect"], layer.Aliases.ToArray());
    }

    [Fact]
    public void Parse_InlineHeadingValueAndSeveralRecipes_ReadsNameAndLists()
    {
        var layer = Parse("""
            # NAME: Archivist

            ## FULL_NAME

            Archivist Of Things

            ## RECIPE

            -   `C => T+` (text out)
            -   `C => D+` (data out)

            ## X2Y_FORMAT

            -   `C2T_Archive`
            -   `C2D_Archive`
            """);

        Assert.Equal("Archivist", layer.OfficialName);
        Assert.Equal(["C => T+", "C => D+"], layer.Recipes.ToArray());
        Assert.Equal(["C2T_Archive", "C2D_Archive"], layer.X2YFormats.ToArray());
    }

    [Fact]
    public void Parse_KeyEqualsValueLines_ReadsStringsAndArrays()
    {
        var layer = Parse("""
            TOKEN="🐟📜FetchFish"
            EMOJI_ICON="🐟"
            RECIPE="🔗 => 🐟"
            ALIASES=["fish_fetch", "get \"fish\""]
            TAGS=["fish", "web"]
            """);

        Assert.Null(layer.OfficialName);
        Assert.Equal("🐟📜FetchFish", layer.Token);
        Assert.Equal(["fish_fetch", "get \"fish\""], layer.Aliases.ToArray());
        Assert.Equal(["fish", "web"], layer.Tags.ToArray());
        Assert.Equal("🐟📜 Fetch Fish (LOKI)", layer.DisplayName("fetch_fish"));
    }

    [Fact]
    public void Parse_BoldKeyValueBullets_ReadsEveryField()
    {
        var layer = Parse("""
            # Image Soften

            - **Official Name**: Image Soften
            - **TOKEN**: 🌫️Soft
            - **EMOJI_ICON**: 🌫️
            - **RECIPE**: 🖼️ => 🖼️
            - **X2Y_FORMAT**: I2I_Soften
            - **ALIASES**: gaussian soften, smooth
            - **TAGS**: image, filter
            - **METAPHORS**: fog on a window
            """);

        Assert.Equal("Image Soften", layer.OfficialName);
        Assert.Equal("🌫️Soft", layer.Token);
        Assert.Equal(["🖼️ => 🖼️"], layer.Recipes.ToArray());
        Assert.Equal(["gaussian soften", "smooth"], layer.Aliases.ToArray());
        Assert.Equal(["image", "filter"], layer.Tags.ToArray());
        Assert.Equal("🌫️ Image Soften (LOKI)", layer.DisplayName("image_soften"));
    }

    [Fact]
    public void Parse_TitleOnlyHeading_UsesTitleAsOfficialName()
    {
        var layer = Parse("""
            # Fetch The Weather & Tides

            ## TOKEN

            `🌦️Weather`
            """);

        Assert.Equal("Fetch The Weather & Tides", layer.OfficialName);
    }

    [Fact]
    public void Parse_NoKnownField_WarnsWithCode()
    {
        var bag = new DiagnosticBag();
        var layer = NameLayerReader.Parse("just some prose\n", "x_name.md", bag);

        Assert.Null(layer);
        Assert.Equal(LokiCodes.NameLayerBad, Assert.Single(bag.Items).Code);
    }

    private static NameLayer Parse(string text)
    {
        var bag = new DiagnosticBag();
        var layer = NameLayerReader.Parse(text, "x_name.md", bag);
        Assert.Empty(bag.Items);
        return Assert.IsType<NameLayer>(layer);
    }
}
