using Loki.Core.Conversion.ApiToUi;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Schemas;
using Loki.Tests;

namespace Loki.Core.Tests.Conversion;

/// <summary>UI → API → UI → API gives the same prompt, for every oracle pair that converts.</summary>
public sealed class RoundTripTests
{
    [CorpusFact]
    public void Ui_to_api_to_ui_to_api_gives_the_same_prompt_for_every_pair()
    {
        var failures = new List<string>();
        var checkedPairs = 0;
        foreach (var outcome in ConformanceCorpus.Outcomes)
        {
            if (outcome.Prompt is null || outcome.Prompt.Count == 0)
            {
                // Nothing to carry (a workflow of notes only): an empty prompt is not a workflow to lay out.
                continue;
            }

            var schemas = outcome.Set == "frontend-pairs" ? SchemaSet.Catalogue : ConformanceCorpus.AllSchemas;
            var ui = ApiToUiConverter.Convert(outcome.Prompt, schemas, outcome.Name);
            if (!ui.Succeeded)
            {
                failures.Add($"{outcome.Set}/{outcome.Name}: API → UI failed: {ui.Diagnostics.First(d => d.IsError)}");
                continue;
            }

            var again = UiToApiConverter.Convert(ui.Workflow!, schemas, UiToApiOptions.Default, outcome.Name);
            if (again.Prompt is null)
            {
                failures.Add($"{outcome.Set}/{outcome.Name}: UI → API failed the second time: {again.Diagnostics.First(d => d.IsError)}");
                continue;
            }

            var difference = PromptComparer.FirstDifference(outcome.Prompt, again.Prompt, null);
            if (difference is not null)
            {
                failures.Add($"{outcome.Set}/{outcome.Name}: {difference}");
            }

            checkedPairs++;
        }

        Assert.True(failures.Count == 0, $"{failures.Count} pairs do not survive the round trip:\n" + string.Join("\n", failures.Take(40)));
        Assert.True(checkedPairs > 300, $"only {checkedPairs} pairs were checked");
    }
}
