using System.Globalization;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Workflows;

namespace Loki.Core.Tests.Conversion;

/// <summary>
/// The typed prompt's cycle check (<see cref="ConvertedPrompt.HasCycle"/>, each link's origin looked up once) against the
/// tree's (<see cref="PromptCycleFinder"/>) on random prompts: chains, fans, self links, back links closing cycles of any
/// length, links to ids the prompt lacks (taken out first, never part of a cycle) and names set twice.
/// </summary>
public sealed class PromptCycleCheckTests
{
    [Fact]
    public void The_typed_check_agrees_with_the_tree_on_random_prompts()
    {
        var (cyclic, acyclic) = (0, 0);
        for (var seed = 0; seed < 600; seed++)
        {
            var random = new Random(seed);
            var count = random.Next(1, 60);
            var prompt = new ConvertedPrompt();
            for (var e = 0; e < count; e++)
            {
                prompt.Begin(Id(e), "Node", null);
                prompt.Set(PromptInput.String("text", "t"));
                for (var l = random.Next(0, 4); l > 0; l--)
                {
                    // Mostly links to earlier entries; now and then a back link, a self link or a missing id.
                    var target = random.Next(20) switch
                    {
                        0 => e,
                        1 => random.Next(count),
                        2 => count + random.Next(5),
                        _ => e == 0 ? count + 9 : random.Next(e),
                    };
                    prompt.Set(PromptInput.Link("in" + random.Next(3), Id(target), random.Next(2)));
                }
            }

            var expected = PromptCycleFinder.Find(prompt.ToJsonObject()) is not null;
            Assert.True(expected == prompt.HasCycle(), $"seed {seed}");
            Assert.DoesNotContain(prompt.Inputs, i => i.Kind == PromptInputKind.Link && prompt.IndexOf(i.Text!) < 0);
            (cyclic, acyclic) = expected ? (cyclic + 1, acyclic) : (cyclic, acyclic + 1);
        }

        Assert.True(cyclic > 100 && acyclic > 100, $"{cyclic} cyclic, {acyclic} acyclic");
    }

    private static string Id(int index) => (index + 1).ToString(CultureInfo.InvariantCulture);
}
