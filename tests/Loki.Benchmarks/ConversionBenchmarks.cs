using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Loki.Core.Conversion.ApiToUi;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Schemas;

namespace Loki.Benchmarks;

/// <summary>
/// UI → API and API → UI on the largest corpus workflow (976 nodes) and on the whole corpus, in process,
/// parsing included (the text is read from disk once, in setup). Schemas: every corpus dump, the 0.3.64 catalogue winning.
/// </summary>
[MemoryDiagnoser]
public class ConversionBenchmarks
{
    private CorpusSet _corpus = null!;
    private string _largestUi = null!;
    private string _largestPrompt = null!;

    [GlobalSetup]
    public void Setup()
    {
        _corpus = CorpusSet.Load();
        _largestUi = File.ReadAllText(Path.Combine(_corpus.Root, CorpusSet.Largest));
        var largest = UiToApiConverter.Convert(JsonNode.Parse(_largestUi)!.AsObject(), _corpus.Schemas, UiToApiOptions.Default, CorpusSet.Largest);
        // Its WAS and Omar92 nodes have no schema in the corpus: the converter still walks every node and reports them.
        var errors = largest.Diagnostics.Count(d => d.IsError);
        var biggest = _corpus.Prompts.MaxBy(p => JsonNode.Parse(p.Text)!.AsObject().Count);
        _largestPrompt = biggest.Text;
        Console.WriteLine($"// largest workflow: {errors} nodes without schema; largest prompt: {JsonNode.Parse(_largestPrompt)!.AsObject().Count} nodes from {biggest.File}");
        Console.WriteLine($"// corpus: {_corpus.Workflows.Count} UI workflows, {_corpus.Prompts.Count} prompts");
    }

    [Benchmark(Description = "largest workflow UI->API (976 nodes)")]
    public int LargestUiToApi() =>
        UiToApiConverter.Convert(JsonNode.Parse(_largestUi)!.AsObject(), _corpus.Schemas, UiToApiOptions.Default, "largest").Diagnostics.Count;

    [Benchmark(Description = "largest corpus prompt API->UI")]
    public int LargestApiToUi() =>
        ApiToUiConverter.Convert(JsonNode.Parse(_largestPrompt)!.AsObject(), _corpus.Schemas, "largest").Workflow!.Count;

    [Benchmark(Description = "whole corpus UI->API")]
    public int CorpusUiToApi()
    {
        var nodes = 0;
        foreach (var (file, text) in _corpus.Workflows)
        {
            var result = UiToApiConverter.Convert(JsonNode.Parse(text)!.AsObject(), _corpus.Schemas, UiToApiOptions.Default, file);
            nodes += result.Prompt?.Count ?? 0;
        }

        return nodes;
    }

    [Benchmark(Description = "whole corpus API->UI")]
    public int CorpusApiToUi()
    {
        var nodes = 0;
        foreach (var (file, text) in _corpus.Prompts)
        {
            nodes += ApiToUiConverter.Convert(JsonNode.Parse(text)!.AsObject(), _corpus.Schemas, file).Workflow?.Count ?? 0;
        }

        return nodes;
    }
}
