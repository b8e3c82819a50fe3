using System.Text.Json.Nodes;
using Loki.Core.Conversion.UiToApi;

namespace Loki.Core.Tests.Conversion;

/// <summary>
/// A prompt's inputs are built in the thread's spare array and sealed into an array of their exact number
/// (<see cref="PromptInputBuffer"/>): a sealed prompt must keep its values when the next prompt on the thread reuses the
/// spare, two prompts built at once must not share it, and what a sealed prompt keeps is no longer than its inputs
/// (the 976-node workflow's over-sized array was on the large object heap).
/// </summary>
public sealed class PromptInputBufferTests
{
    [Fact]
    public void A_sealed_prompt_keeps_its_inputs_when_the_next_prompt_reuses_the_spare()
    {
        var first = Prompt("a", 40, 200);
        first.Seal();
        var second = Prompt("b", 40, 200);
        second.Seal();

        Assert.Equal(Expected("a", 40), Texts(first));
        Assert.Equal(Expected("b", 40), Texts(second));
    }

    [Fact]
    public void Two_prompts_built_at_once_on_one_thread_do_not_share_an_array()
    {
        var first = new ConvertedPrompt(1, 64);
        var second = new ConvertedPrompt(1, 64);
        first.Begin("1", "Node", null);
        second.Begin("1", "Node", null);
        for (var i = 0; i < 30; i++)
        {
            first.Set(PromptInput.String("in" + i, "a" + i));
            second.Set(PromptInput.String("in" + i, "b" + i));
        }

        first.Seal();
        second.Seal();
        Assert.Equal(Expected("a", 30), Texts(first));
        Assert.Equal(Expected("b", 30), Texts(second));
    }

    [Fact]
    public void A_sealed_prompt_keeps_an_array_of_exactly_its_inputs()
    {
        // Room for 500 was asked (the most the entries could have had); 25 were set, some names twice.
        var prompt = Prompt("a", 25, 500);
        prompt.Set(PromptInput.String("in3", "again"));
        Assert.True(prompt.InputCapacity >= 500);

        prompt.Seal();
        Assert.Equal(25, prompt.InputCapacity);
        Assert.Equal("again", prompt.InputSpan[3].Text);

        // Still a prompt: a later input is added to a grown copy.
        prompt.Set(PromptInput.String("late", "x"));
        Assert.Equal(26, prompt.InputSpan.Length);
        Assert.Equal("a24", prompt.InputSpan[24].Text);
    }

    [Fact]
    public void A_conversion_seals_its_prompt_and_gives_the_spare_back()
    {
        var ui = (JsonObject)JsonNode.Parse("""
            {"nodes":[{"id":1,"type":"CLIPTextEncode","mode":0,"order":0,"widgets_values":["a cat"],"inputs":[{"name":"clip","type":"CLIP","link":null}]}],"links":[]}
            """)!;
        var result = UiToApiConverter.Convert(ui, "wf.json");
        Assert.Contains("\"text\": \"a cat\"", System.Text.Encoding.UTF8.GetString(result.PromptUtf8()!));

        // The next prompt on this thread is built in the spare the conversion lent and gave back (room for its inputs,
        // more than the one asked for); a prompt never sealed would keep it, and the next would get a new array of one.
        Assert.True(new ConvertedPrompt(1, 1).InputCapacity > 1);
    }

    private static ConvertedPrompt Prompt(string prefix, int count, int room)
    {
        var prompt = new ConvertedPrompt(1, room);
        prompt.Begin("1", "Node", null);
        for (var i = 0; i < count; i++)
        {
            prompt.Set(PromptInput.String("in" + i, prefix + i));
        }

        return prompt;
    }

    private static string[] Expected(string prefix, int count) => Enumerable.Range(0, count).Select(i => prefix + i).ToArray();

    private static string?[] Texts(ConvertedPrompt prompt) => prompt.InputSpan.ToArray().Select(i => i.Text).ToArray();
}
