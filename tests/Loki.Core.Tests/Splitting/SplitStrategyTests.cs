using System.Text.Json.Nodes;
using Loki.Core.Schemas;
using Loki.Core.Splitting;
using Loki.Tests;

namespace Loki.Core.Tests.Splitting;

/// <summary><c>--by stages</c> on a text-to-image prompt and <c>--by subgraphs</c> on the corpus's nested subgraphs.</summary>
public sealed class SplitStrategyTests
{
    [Fact]
    public void Stages_cut_a_text_to_image_prompt_by_the_types_crossing_each_cut()
    {
        var prompt = JsonNode.Parse("""
            {
              "4": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "m.safetensors"}},
              "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "a fox", "clip": ["4", 1]}},
              "7": {"class_type": "CLIPTextEncode", "inputs": {"text": "blurry", "clip": ["4", 1]}},
              "5": {"class_type": "EmptyLatentImage", "inputs": {"width": 512, "height": 512, "batch_size": 1}},
              "3": {"class_type": "KSampler", "inputs": {"seed": 7, "steps": 20, "cfg": 7.0, "sampler_name": "euler", "scheduler": "normal", "denoise": 1.0,
                    "model": ["4", 0], "positive": ["6", 0], "negative": ["7", 0], "latent_image": ["5", 0]}},
              "8": {"class_type": "VAEDecode", "inputs": {"samples": ["3", 0], "vae": ["4", 2]}},
              "9": {"class_type": "SaveImage", "inputs": {"images": ["8", 0], "filename_prefix": "fox"}}
            }
            """)!.AsObject();

        var split = WorkflowSplitter.Split(prompt, null, "txt2img", SplitOptions.Default with { Strategy = SplitStrategy.Stages }, "txt2img.json");

        Assert.True(split.Succeeded, string.Join("\n", split.Diagnostics));
        Assert.Equal(["encode_prompt_pair", "sample_from_empty_latent"], split.Subflows.Select(f => f.Name).Order());
        var encode = split.Subflows.Single(f => f.Name == "encode_prompt_pair");
        Assert.Equal(["CLIP"], encode.Inputs.Select(p => p.Type));
        Assert.Equal(["positive", "negative"], encode.Outputs.Select(p => p.Name).OrderByDescending(n => n));
        Assert.Contains(split.Parent, p => p.Value!["class_type"]!.GetValue<string>() == "SaveImage");
        Assert.Null(SplitChecker.Check(split, split.Parent, split.FlowPrompts()));
    }

    [CorpusFact]
    public void Subgraphs_become_flows_inside_flows()
    {
        var file = Path.Combine(RepoPaths.Corpus!, "frontend-pairs", "Comfy-Org__ComfyUI_frontend@christian-byrne-fork", "browser_tests", "assets", "subgraphs", "subgraph-nested-duplicate-ids.json.workflow.json");

        var split = WorkflowSplitter.Split(file, SplitOptions.Default with { Strategy = SplitStrategy.Subgraphs, Schemas = SchemaSet.Catalogue });

        Assert.True(split.Succeeded, string.Join("\n", split.Diagnostics));
        Assert.Equal(3, split.Subflows.Length);
        Assert.All(split.Subflows, f => Assert.Equal(RegionKind.Subgraph, f.Kind));
        var classes = split.Subflows.Select(f => f.ClassType).ToHashSet();
        Assert.Contains(split.Subflows, f => f.Body.Any(p => classes.Contains(p.Value!["class_type"]!.GetValue<string>()))); // nested
        Assert.Null(SplitChecker.Check(split, split.Parent, split.FlowPrompts()));
    }
}
