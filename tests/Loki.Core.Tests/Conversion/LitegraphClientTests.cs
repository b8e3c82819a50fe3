using System.Text.Json.Nodes;
using Loki.Core.Conversion.ApiToUi;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Diagnostics;
using Loki.Core.Schemas;
using Loki.Core.Workflows;
using Loki.Tests;

namespace Loki.Core.Tests.Conversion;

/// <summary>
/// Workflows made by API → UI, loaded with the real litegraph client (<c>@comfyorg/litegraph</c> 0.17.2 through
/// <see cref="LitegraphCheck"/>): links and slots agree, serialising again keeps the links, no overlaps.
/// </summary>
public sealed class LitegraphClientTests
{
    [NodeJsFact]
    public void ConvertedWorkflows_LoadInLitegraph()
    {
        var dir = Directory.CreateTempSubdirectory("loki-litegraph-").FullName;
        var warned = new Dictionary<string, HashSet<long>>();
        var index = 0;
        foreach (var prompt in Prompts())
        {
            var result = ApiToUiConverter.Convert(prompt, SchemaSet.Catalogue, "p.json");
            Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
            var file = Path.Combine(dir, $"w{index++}.json");
            File.WriteAllText(file, result.Workflow!.ToJsonString());
            warned[file] = MismatchedLinks(result);
        }

        LitegraphCheck.AssertLoad(warned.Keys, (file, link) => warned[file].Contains(link));
        Directory.Delete(dir, recursive: true);
    }

    /// <summary>Hand-written prompts, plus the prompts of the corpus pairs when the corpus is there.</summary>
    private static IEnumerable<JsonObject> Prompts()
    {
        yield return JsonNode.Parse("""
            {"10:0": {"inputs": {"width": 8, "height": 8, "batch_size": 1}, "class_type": "EmptyLatentImage"},
             "4": {"inputs": {"ckpt_name": "m.safetensors"}, "class_type": "CheckpointLoaderSimple"},
             "3": {"inputs": {"seed": 1, "steps": 20, "cfg": 7.0, "sampler_name": "euler", "scheduler": "normal", "denoise": 1.0,
                   "model": ["4", 0], "positive": ["6", 0], "negative": ["6", 0], "latent_image": ["10:0", 0]}, "class_type": "KSampler"},
             "6": {"inputs": {"text": "x", "clip": ["4", 1]}, "class_type": "CLIPTextEncode"},
             "8": {"inputs": {"samples": ["3", 0], "vae": ["4", 2]}, "class_type": "VAEDecode"},
             "9": {"inputs": {"images": ["8", 0], "filename_prefix": "x"}, "class_type": "SaveImage"},
             "11": {"inputs": {"image": ["8", 0], "strength": 1}, "class_type": "SomeCustomNode"}}
            """)!.AsObject();
        if (RepoPaths.Corpus is not { } corpus)
        {
            yield break;
        }

        foreach (var folder in new[] { "frontend-pairs", "pairs" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(corpus, folder), "*.workflow.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (JsonNode.Parse(File.ReadAllText(file)) is JsonObject ui
                    && UiToApiConverter.Convert(ui, SchemaSet.Catalogue, UiToApiOptions.Default, file) is { Succeeded: true, Prompt.Count: > 0 } api)
                {
                    yield return api.Prompt!;
                }
            }
        }
    }

    private static HashSet<long> MismatchedLinks(ApiToUiResult result)
    {
        var paths = result.Diagnostics.Where(d => d.Code == LokiCodes.ApiToUiTypeMismatch).Select(d => d.JsonPath).ToHashSet();
        var nodes = result.Workflow!["nodes"]!.AsArray().ToDictionary(n => n!["id"]!.ToJsonString());
        var ids = new HashSet<long>();
        foreach (var link in result.Workflow["links"]!.AsArray())
        {
            var target = nodes[link![3]!.ToJsonString()]!;
            var id = target["id"]!.GetValueKind() == System.Text.Json.JsonValueKind.String ? target["id"]!.GetValue<string>() : target["id"]!.ToJsonString();
            var input = target["inputs"]![int.Parse(link[4]!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture)]!["name"]!.GetValue<string>();
            if (paths.Contains(JsonPathText.Key(JsonPathText.Key("$", id) + ".inputs", input)))
            {
                ids.Add(long.Parse(link[0]!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return ids;
    }
}
