using System.Text.Json.Nodes;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Schemas;
using Loki.Core.Workflows;
using Loki.Tests;

namespace Loki.Core.Tests.Conversion;

/// <summary>
/// Rules the 1.27.10 frontend applies that the converter must follow (issue 9 item 5), checked on corpus pairs the
/// real frontend made: remote combos' refresh button, FLOAT widgets without control widgets, seeds of older dumps.
/// </summary>
public sealed class FrontendFidelityTests
{
    private const string KontextPair = "frontend-pairs/Comfy-Org__workflow_templates@Joshua-Chin-fork/templates/flux_kontext_dev_basic.json";
    private const string DefaultPair = "frontend-pairs/Comfy-Org__workflow_templates@Joshua-Chin-fork/templates/default.json";

    [CorpusFact]
    public void LoadImageOutput_SendsItsRefreshButton_AndReadsTheSavedImagePastTheRefreshWidgets()
    {
        var (converted, expected) = Convert(KontextPair, SchemaSet.Catalogue);

        // Saved as ["doll.webp [output]", false, "refresh", "image"]: image, auto-refresh toggle, refresh button, upload.
        var inputs = converted["142"]!["inputs"]!.AsObject();
        Assert.Equal("refresh", expected["142"]!["inputs"]!["refresh"]!.GetValue<string>());
        Assert.Equal("refresh", inputs["refresh"]!.GetValue<string>());
        Assert.Equal("doll.webp [output]", inputs["image"]!.GetValue<string>());
        Assert.Equal(expected["142"]!["inputs"]!.AsObject().Select(p => p.Key), inputs.Select(p => p.Key));
    }

    [CorpusFact]
    public void FloatWidget_FlaggedWithControlAfterGenerate_GetsNoControlWidget()
    {
        // Custom nodes flag FLOAT inputs too; 1.27.10's useFloatWidget ignores the flag, so no value position follows.
        var reference = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Corpus!, "schemas", "reference", "comfyui-0.3.64-core.object_info.json")))!.AsObject();
        reference["KSampler"]!["input"]!["required"]!["cfg"]![1]!["control_after_generate"] = true;
        var schemas = SchemaSet.Parse(reference.ToJsonString(), "flagged-cfg.object_info.json");

        var (converted, expected) = Convert(DefaultPair, schemas);

        Assert.True(JsonNode.DeepEquals(expected["3"]!["inputs"], converted["3"]!["inputs"]), converted["3"]!.ToJsonString());
    }

    [CorpusFact]
    public void Seed_FromAnOlderDumpWithoutTheFlag_StillHasItsControlWidget()
    {
        // The comfy-ts fixture dump predates control_after_generate: the frontend adds the control to seeds by name.
        var old = SchemaSet.Load([Path.Combine(RepoPaths.Corpus!, "schemas", "rvion__comfy-ts", "tests", "fixtures", "object_info.json")], includeCatalogue: false);
        Assert.Null(old.Find("KSampler")!.Input("seed")!.Options?["control_after_generate"]);

        var (converted, expected) = Convert(DefaultPair, old);

        Assert.True(JsonNode.DeepEquals(expected["3"]!["inputs"], converted["3"]!["inputs"]), converted["3"]!.ToJsonString());
    }

    private static (JsonObject Converted, JsonObject Expected) Convert(string pair, SchemaSet schemas)
    {
        var workflow = Path.Combine(RepoPaths.Corpus!, pair + ".workflow.json");
        var result = UiToApiConverter.Convert(WorkflowLoader.Load(workflow).Ui!, schemas, UiToApiOptions.Default, workflow);
        Assert.NotNull(result.Prompt);
        return (result.Prompt!, JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Corpus!, pair + ".prompt.json")))!.AsObject());
    }
}
