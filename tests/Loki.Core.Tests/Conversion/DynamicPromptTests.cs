using Loki.Core.Conversion.UiToApi;

namespace Loki.Core.Tests.Conversion;

/// <summary>
/// The frontend's dynamic-prompt processing, including the fast path: text without a comment, a block or an escape is
/// returned as it is (no <c>/</c>, <c>{</c> or <c>\</c>), and everything else still goes through the full processing.
/// </summary>
public sealed class DynamicPromptTests
{
    [Theory]
    [InlineData("a photo of a cat")]
    [InlineData("closing } and | bars ) ] * outside a block")]
    [InlineData("é 漢字 😀 \u2028 \t\n")]
    [InlineData("")]
    public void Text_without_comment_block_or_escape_is_left_as_it_is(string text)
    {
        Assert.False(DynamicPrompt.MayChange(text));
        Assert.Equal(text, DynamicPrompt.Process(text, _ => 0));
        Assert.False(DynamicPrompt.HasChoices(text));
    }

    [Theory]
    [InlineData("a // gone", 0, "a ")]
    [InlineData("x /* gone */ y", 0, "x  y")]
    [InlineData("a half/slash", 0, "a half/slash")]
    [InlineData("{red|green|blue} ball", 1, "green ball")]
    [InlineData("{only} one", 0, "only one")]
    [InlineData(@"kept \{braces\} and \| bar", 0, "kept {braces} and | bar")]
    [InlineData(@"a \n in text", 0, @"a \n in text")]
    public void Comments_blocks_and_escapes_are_processed(string text, int choice, string expected)
    {
        Assert.True(DynamicPrompt.MayChange(text));
        Assert.Equal(expected, DynamicPrompt.Process(text, _ => choice));
    }

    [Theory]
    [InlineData("{a|b}", true)]
    [InlineData("{a}", false)]
    [InlineData("a|b", false)]
    [InlineData("// {a|b}", false)]
    public void Choices_are_blocks_of_more_than_one_option(string text, bool expected) =>
        Assert.Equal(expected, DynamicPrompt.HasChoices(text));
}
