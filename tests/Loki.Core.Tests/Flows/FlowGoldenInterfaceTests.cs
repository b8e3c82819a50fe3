using System.Collections.Immutable;
using Loki.Core.Config;
using Loki.Core.Diagnostics;
using Loki.Core.Flows;
using Loki.Core.Flows.Interface;
using Loki.Core.Schemas;
using Loki.Core.Text;
using Loki.Tests;

namespace Loki.Core.Tests.Flows;

/// <summary>Golden interfaces of chosen corpus workflows: App Mode, subgraphs, inferred UI and API flows, legacy primitives as inputs.</summary>
public class FlowGoldenInterfaceTests
{
    private static readonly Lazy<FlowEnvironment> Environment = new(() => new FlowEnvironment(
        SchemaSet.Load([Path.Combine(RepoPaths.Corpus!, "schemas")], includeCatalogue: false).Merge(SchemaSet.Catalogue),
        ImmutableArray<NodeConfig>.Empty));

    public static TheoryData<string, string> Chosen => new()
    {
        { "app_mode_basic", "Comfy-Org__ComfyUI_frontend@christian-byrne-fork/browser_tests/assets/linear-basic-app-1.json" },
        { "app_mode_two_inputs", "Comfy-Org__ComfyUI_frontend@christian-byrne-fork/browser_tests/assets/linear-basic-app-2.json" },
        { "subgraph_basic", "Comfy-Org__ComfyUI_frontend@christian-byrne-fork/browser_tests/assets/subgraphs/basic-subgraph.json" },
        { "subgraph_text_widget", "Comfy-Org__ComfyUI_frontend@christian-byrne-fork/_history/browser_tests/assets/subgraph-with-text-widget.json" },
        { "img2img", "comfyanonymous__ComfyUI_examples/_history/img2img/img2img_workflow.json" },
        { "inpaint", "comfyanonymous__ComfyUI_examples/_history/inpaint/inpaint_example.json" },
        { "wan_text_to_video", "comfyanonymous__ComfyUI_examples/wan/text_to_video_wan.json" },
        { "flux_dev", "Comfy-Org__workflow_templates@Joshua-Chin-fork/_history/templates/flux_dev_example.json" },
        { "sd15_ui", "Comfy-Org__comfy-cli/tests/comfy_cli/fixtures/sd15_ui_workflow.json" },
        { "api_text_to_image", "pydn__ComfyUI-to-Python-Extension/tests/fixtures/runtime/text-to-image.json" },
        { "api_subgraph_ids", "pydn__ComfyUI-to-Python-Extension/tests/fixtures/runtime/subgraph-identifiers.json" },
        { "api_upscale_loader", "pydn__ComfyUI-to-Python-Extension/tests/fixtures/runtime/upscale-model-loader.json" },
        { "api_no_models", "atmaranto__ComfyUI-SaveAsScript/test/test_workflow.json" },
        { "primitives_sdxl_refiner", "Comfy-Org__workflow_templates@Joshua-Chin-fork/templates/sdxl_simple_example.json" },
        { "primitives_hidream_cfg", "Comfy-Org__workflow_templates@Joshua-Chin-fork/templates/hidream_e1_1.json" },
        { "primitives_wan_size", "Comfy-Org__workflow_templates@Joshua-Chin-fork/templates/video_wan_vace_flf2v.json" },
    };

    [CorpusTheory]
    [MemberData(nameof(Chosen))]
    public void Interface_matches_golden(string name, string relative)
    {
        var file = Path.Combine(RepoPaths.Corpus!, "workflows", relative);
        var bag = new DiagnosticBag();
        var doc = FlowLoader.Load(file, Environment.Value, bag);
        Assert.NotNull(doc);
        Assert.DoesNotContain(bag.Items, d => d.IsError && d.Code.StartsWith("LOKI30", StringComparison.Ordinal));

        var json = FlowInterfaceJson.ToJson(doc!.Interface);
        Golden.AssertMatches(CanonicalJson.Write(json), "Loki.Core.Tests", $"Flows/Interfaces/{name}.json");
    }
}
