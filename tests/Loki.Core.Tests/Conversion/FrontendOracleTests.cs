using System.Text.Json.Nodes;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Schemas;
using Loki.Core.Workflows;
using Loki.Tests;

namespace Loki.Core.Tests.Conversion;

/// <summary>
/// Corpus workflows mixing bypassed and muted nodes, reroutes, primitives and group nodes convert to the prompts the
/// real frontend 1.27.10 made for them (<c>Oracle/</c>; the workflows are read from the corpus), same node ids included.
/// </summary>
public sealed class FrontendOracleTests
{
    /// <summary>Known, explained differences: (workflow, first difference prefix) → why.</summary>
    private static readonly Dictionary<string, (string Difference, string Why)> Explained = new(StringComparer.Ordinal)
    {
        ["workflows/Comfy-Org__workflow_templates@Joshua-Chin-fork/templates/flux_kontext_dev_basic.json"] =
            ("node 142 (LoadImageOutput): input 'image'", "the remote combo showed the server's own output files, not the saved value"),
        ["workflows/Comfy-Org__workflow_templates@Joshua-Chin-fork/_history/templates/flux_kontext_dev_grouped.json"] =
            ("node 175:1 (ReferenceLatent): extra input 'latent'", "1.27.10 loses a group input that passes an inner Reroute; the converter keeps the link as the older frontends of the oracle pairs did (LinkResolver)"),
    };

    public static TheoryData<string> Workflows => [.. Oracle().Select(p => p.Key)];

    [CorpusTheory]
    [MemberData(nameof(Workflows))]
    public void Converts_to_the_frontends_prompt(string workflow)
    {
        var expected = Oracle()[workflow]!.AsObject();
        var file = Path.Combine(RepoPaths.Corpus!, workflow);
        var result = UiToApiConverter.Convert(WorkflowLoader.Load(file).Ui!, SchemaSet.Catalogue, UiToApiOptions.Default, file);
        Assert.NotNull(result.Prompt);

        Assert.Equal(expected.Select(p => p.Key).Order(StringComparer.Ordinal), result.Prompt!.Select(p => p.Key).Order(StringComparer.Ordinal));
        var difference = PromptComparer.FirstDifference(expected, result.Prompt, null);
        if (Explained.TryGetValue(workflow, out var known))
        {
            Assert.True(difference?.StartsWith(known.Difference, StringComparison.Ordinal) == true, $"expected the known difference '{known.Difference}', got '{difference}'");
            return;
        }

        Assert.Null(difference);
    }

    private static JsonObject Oracle() =>
        JsonNode.Parse(File.ReadAllText(RepoPaths.InRepo("tests", "Loki.Core.Tests", "Conversion", "Oracle", "frontend-1.27.10-prompts.json")))!.AsObject();
}
