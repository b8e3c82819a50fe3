using Loki.Core.Conversion.UiToApi;
using Loki.Core.Schemas;
using Loki.Core.Workflows;
using Loki.Tests;

namespace Loki.Core.Tests.Workflows;

/// <summary>
/// Workflows with subgraph definitions are read by the direct reader (<see cref="UiDefinitionsReader"/>) like any other:
/// their conversion needs no whole-file parse, not even to follow a link out of a definition (each output's first
/// <c>linkIds</c> entry is read with the slot). <see cref="DirectReaderBoundaryTests"/> and
/// <see cref="DirectReaderCorpusTests"/> check that both paths read and convert them alike.
/// </summary>
public sealed class SubgraphDirectReadTests
{
    [CorpusFact]
    public void Corpus_workflows_with_subgraphs_are_read_directly_and_convert_without_a_second_parse()
    {
        var (read, converted) = (0, 0);
        foreach (var set in new[] { "frontend-pairs", "pairs", "workflows" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Corpus!, set), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var bytes = File.ReadAllBytes(file);
                if (bytes.AsSpan().IndexOf("\"definitions\""u8) < 0 || Path.GetFileName(file) == "index.json")
                {
                    continue;
                }

                WorkflowFile loaded;
                try
                {
                    loaded = WorkflowLoader.Parse(bytes, file);
                }
                catch (Loki.Core.Diagnostics.LokiException)
                {
                    continue;
                }

                if (loaded.UiView is not { Subgraphs.Count: > 0 } view)
                {
                    continue;
                }

                var source = Assert.IsType<LazyJsonRoot>(view.Source, exactMatch: true);
                read++;
                var result = UiToApiConverter.Convert(loaded, SchemaSet.Catalogue, UiToApiOptions.Default, file);
                converted += result.Succeeded ? 1 : 0;
                Assert.False(source.IsBuilt, file);
            }
        }

        Assert.True(read >= 17 && converted >= 10, $"{read} read directly, {converted} converted");
    }
}
