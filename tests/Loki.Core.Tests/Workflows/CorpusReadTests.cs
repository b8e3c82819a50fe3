using Loki.Core.Conversion.UiToApi;
using Loki.Core.Diagnostics;
using Loki.Core.Workflows;
using Loki.Tests;

namespace Loki.Core.Tests.Workflows;

/// <summary>Every saved workflow of the corpus is read (and converted) or rejected with a coded error; nothing crashes.</summary>
public sealed class CorpusReadTests
{
    [CorpusFact]
    public void Every_corpus_workflow_and_media_file_is_read_or_rejected_with_a_code()
    {
        var files = new[] { "workflows", "media" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(RepoPaths.Corpus!, d), "*", SearchOption.AllDirectories))
            .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".json" or ".png" or ".webp")
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(files.Count > 800, $"only {files.Count} corpus files found");
        var schemas = Conversion.ConformanceCorpus.AllSchemas;
        var failures = new List<string>();
        var (read, rejected) = (0, 0);
        foreach (var file in files)
        {
            try
            {
                var loaded = WorkflowLoader.Load(file);
                read++;
                if (loaded.Ui is not null)
                {
                    var result = UiToApiConverter.Convert(loaded.Ui, schemas, UiToApiOptions.Default, file);
                    if (result.Prompt is null && !result.Diagnostics.Any(d => d.IsError && d.Code.StartsWith("LOKI", StringComparison.Ordinal)))
                    {
                        failures.Add($"{file}: no prompt and no coded error");
                    }
                }
            }
            catch (LokiException e)
            {
                rejected++;
                if (!e.Diagnostic.Code.StartsWith("LOKI", StringComparison.Ordinal) || e.Diagnostic.File is null)
                {
                    failures.Add($"{file}: uncoded rejection {e.Message}");
                }
            }
            catch (Exception e)
            {
                failures.Add($"{file}: crashed with {e.GetType().Name}: {e.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
        Assert.True(read > rejected, $"read {read}, rejected {rejected}");
    }

    [CorpusFact]
    public void Media_files_give_the_workflow_and_prompt_of_their_sidecars()
    {
        var media = Directory.EnumerateFiles(Path.Combine(RepoPaths.Corpus!, "media"), "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".png" or ".webp" && File.Exists(f + ".workflow.json"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(media);
        foreach (var file in media)
        {
            var loaded = WorkflowLoader.Load(file);
            Assert.Equal(Path.GetExtension(file).ToLowerInvariant() == ".png" ? WorkflowFormat.Png : WorkflowFormat.Webp, loaded.Format);
            var sidecar = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(file + ".workflow.json"));
            Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(sidecar, loaded.Ui), file);
            if (File.Exists(file + ".prompt.json"))
            {
                Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(file + ".prompt.json")), loaded.Api), file);
            }
        }
    }
}
