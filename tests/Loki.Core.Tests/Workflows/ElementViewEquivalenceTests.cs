using System.Text.Json.Nodes;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Diagnostics;
using Loki.Core.IO;
using Loki.Core.Tests.Conversion;
using Loki.Core.Text;
using Loki.Core.Workflows;
using Loki.Tests;

namespace Loki.Core.Tests.Workflows;

/// <summary>
/// The views read a file's parsed element directly (the loader's path) or the JSON of nodes built in memory (the path
/// of callers that hand over a <see cref="JsonObject"/>): over every UI workflow of the corpus both give the same
/// prompt, byte for byte, and the same diagnostics; and the prompt written as UTF-8 straight from its nodes is the
/// same bytes as its text.
/// </summary>
public sealed class ElementViewEquivalenceTests
{
    [CorpusFact]
    public void Loaded_and_in_memory_workflows_convert_alike_over_the_corpus()
    {
        var schemas = ConformanceCorpus.AllSchemas;
        var files = new[] { "frontend-pairs", "pairs", "workflows" }
            .SelectMany(set => Directory.EnumerateFiles(Path.Combine(RepoPaths.Corpus!, set), "*.json", SearchOption.AllDirectories))
            .Where(f => !f.EndsWith(".prompt.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        var compared = 0;
        var mismatches = new List<string>();
        foreach (var file in files)
        {
            WorkflowFile loaded;
            try
            {
                loaded = WorkflowLoader.Load(file);
            }
            catch (LokiException)
            {
                continue;
            }

            if (loaded.Ui is null)
            {
                continue;
            }

            var fromElement = UiToApiConverter.Convert(loaded, schemas, UiToApiOptions.Default, file);
            // The same UI workflow as nodes built in memory, sharing nothing with the loaded document.
            var tree = (JsonObject)JsonSource.Parse(loaded.Ui.ToJsonString(), file, LokiCodes.WorkflowInvalidJson);
            var fromNodes = UiToApiConverter.Convert(tree, schemas, UiToApiOptions.Default, file);
            compared++;
            var text = fromElement.Prompt is null ? null : CanonicalJson.Write(fromElement.Prompt);
            if (text != (fromNodes.Prompt is null ? null : CanonicalJson.Write(fromNodes.Prompt)))
            {
                mismatches.Add(file + ": prompts differ");
            }
            else if (!fromElement.Diagnostics.Select(d => d.ToString()).SequenceEqual(fromNodes.Diagnostics.Select(d => d.ToString())))
            {
                mismatches.Add(file + ": diagnostics differ");
            }
            else if (text is not null && !CanonicalJson.WriteUtf8(fromElement.Prompt).AsSpan().SequenceEqual(AtomicFile.Utf8.GetBytes(text)))
            {
                mismatches.Add(file + ": UTF-8 bytes differ from the text");
            }
        }

        Assert.True(compared > 900, $"only {compared} UI workflows compared");
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }
}
