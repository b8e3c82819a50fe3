using System.Text.Json.Nodes;
using Loki.Core.Conversion.ApiToUi;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Diagnostics;
using Loki.Core.Schemas;

namespace Loki.Core.Tests.Conversion;

public sealed class ApiToUiConverterTests
{
    private static JsonObject Prompt(string json) => JsonNode.Parse(json)!.AsObject();

    private static JsonObject ToUi(JsonObject prompt)
    {
        var result = ApiToUiConverter.Convert(prompt, SchemaSet.Catalogue, "p.json");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Workflow!;
    }

    private static JsonObject Back(JsonObject ui)
    {
        var result = UiToApiConverter.Convert(ui, SchemaSet.Catalogue, UiToApiOptions.Default, "ui.json");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Prompt!;
    }

    private static JsonObject Node(JsonObject ui, object id) =>
        ui["nodes"]!.AsArray().Single(n => n!["id"]!.ToJsonString() == JsonValue.Create(id)!.ToJsonString())!.AsObject();

    [Fact]
    public void Convert_Chain_GivesSocketsWidgetsAndLinksAsTheFrontendSavesThem()
    {
        var prompt = Prompt("""
            {"1": {"inputs": {"width": 64, "height": 64, "batch_size": 1, "color": 0}, "class_type": "EmptyImage", "_meta": {"title": "EmptyImage"}},
             "2": {"inputs": {"image": ["1", 0]}, "class_type": "ImageInvert", "_meta": {"title": "Invert Image"}},
             "3": {"inputs": {"filename_prefix": "ComfyUI", "images": ["2", 0]}, "class_type": "SaveImage", "_meta": {"title": "Save Image"}}}
            """);

        var ui = ToUi(prompt);

        Assert.Equal("[[1,1,0,2,0,\"IMAGE\"],[2,2,0,3,0,\"IMAGE\"]]", ui["links"]!.ToJsonString());
        Assert.Equal(3, long.Parse(ui["last_node_id"]!.ToJsonString()));
        Assert.Equal(0.4, double.Parse(ui["version"]!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture));
        var save = Node(ui, 3);
        Assert.Equal("""[{"name":"images","type":"IMAGE","link":2},{"name":"filename_prefix","type":"STRING","widget":{"name":"filename_prefix"},"link":null}]""", save["inputs"]!.ToJsonString());
        Assert.Equal("""["ComfyUI"]""", save["widgets_values"]!.ToJsonString());
        Assert.Equal("[64,64,1,0]", Node(ui, 1)["widgets_values"]!.ToJsonString());
        Assert.False(Node(ui, 2).ContainsKey("widgets_values"));
        Assert.Equal("""[{"name":"IMAGE","type":"IMAGE","links":[1],"slot_index":0}]""", Node(ui, 1)["outputs"]!.ToJsonString());
        UiWorkflowAssert.LinksMatchSlots(ui);
        UiWorkflowAssert.NoOverlaps(ui);
        UiWorkflowAssert.SamePrompt(prompt, Back(ui), "round trip");
    }

    [Fact]
    public void Convert_ControlAndUploadWidgets_TakeTheirSlots()
    {
        var prompt = Prompt("""
            {"4": {"inputs": {"ckpt_name": "m.safetensors"}, "class_type": "CheckpointLoaderSimple"},
             "5": {"inputs": {"image": "cat.png"}, "class_type": "LoadImage"},
             "3": {"inputs": {"seed": 42, "steps": ["9", 0], "cfg": 7.5, "sampler_name": "euler", "scheduler": "normal", "denoise": 1.0,
                   "model": ["4", 0], "positive": ["6", 0], "negative": ["6", 0], "latent_image": ["7", 0]}, "class_type": "KSampler"},
             "6": {"inputs": {"text": "a cat", "clip": ["4", 1]}, "class_type": "CLIPTextEncode"},
             "7": {"inputs": {"pixels": ["5", 0], "vae": ["4", 2]}, "class_type": "VAEEncode"},
             "9": {"inputs": {"value": 12}, "class_type": "PrimitiveInt"}}
            """);

        var ui = ToUi(prompt);

        var sampler = Node(ui, 3);
        Assert.Equal("""[42,"fixed",20,7.5,"euler","normal",1.0]""", sampler["widgets_values"]!.ToJsonString());
        var steps = sampler["inputs"]!.AsArray().Single(i => i!["name"]!.GetValue<string>() == "steps")!;
        Assert.Equal("steps", steps["widget"]!["name"]!.GetValue<string>());
        Assert.NotNull(steps["link"]);
        Assert.Equal("""["cat.png","image"]""", Node(ui, 5)["widgets_values"]!.ToJsonString());
        Assert.Equal("""[12,"fixed"]""", Node(ui, 9)["widgets_values"]!.ToJsonString());
        UiWorkflowAssert.LinksMatchSlots(ui);
        UiWorkflowAssert.NoOverlaps(ui);
        UiWorkflowAssert.SamePrompt(prompt.DeepClone().AsObject(), Back(ui), "round trip");
    }

    [Fact]
    public void Convert_UnknownType_KeepsItsValuesByNameAndWarnsWithThePack()
    {
        var prompt = Prompt("""
            {"1": {"inputs": {"ckpt_name": "m.safetensors"}, "class_type": "CheckpointLoaderSimple"},
             "2": {"inputs": {"model": ["1", 0], "strength": 0.5, "mode": "fast", "list": {"__value__": [1, 2]}}, "class_type": "SeargeMagicBox"},
             "3": {"inputs": {"model": ["2", 0], "clip": ["1", 1], "lora_name": "x.safetensors", "strength_model": 1, "strength_clip": 1}, "class_type": "LoraLoader"}}
            """);

        var result = ApiToUiConverter.Convert(prompt, SchemaSet.Catalogue, "p.json");

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(LokiCodes.ApiToUiNoSchema, warning.Code);
        Assert.Equal("$[\"2\"].class_type", warning.JsonPath);
        Assert.Contains("SeargeDP/SeargeSDXL", warning.Message, StringComparison.Ordinal);
        var magic = Node(result.Workflow!, 2);
        Assert.Equal("""{"strength":0.5,"mode":"fast","list":[1,2]}""", magic["widgets_values"]!.ToJsonString());
        Assert.Equal("MODEL", magic["outputs"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("MODEL", magic["inputs"]![0]!["type"]!.GetValue<string>());
        UiWorkflowAssert.LinksMatchSlots(result.Workflow!);
    }

    [Fact]
    public void Convert_StringIds_AreKeptAsTheFrontendKeepsThem()
    {
        var prompt = Prompt("""
            {"10:0": {"inputs": {"width": 8, "height": 8, "batch_size": 1}, "class_type": "EmptyLatentImage"},
             "10:1": {"inputs": {"samples": ["10:0", 0], "amount": 2}, "class_type": "RepeatLatentBatch"}}
            """);

        var ui = ToUi(prompt);

        Assert.Equal("""[[1,"10:0",0,"10:1",0,"LATENT"]]""", ui["links"]!.ToJsonString());
        Assert.Equal(0, long.Parse(ui["last_node_id"]!.ToJsonString()));
    }

    [Fact]
    public void Convert_LinkToMissingNode_IsAnError()
    {
        var result = ApiToUiConverter.Convert(Prompt("""{"2": {"inputs": {"image": ["7", 0]}, "class_type": "ImageInvert"}}"""), SchemaSet.Catalogue, "p.json");

        Assert.Null(result.Workflow);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(LokiCodes.PromptLinkToMissingNode, error.Code);
        Assert.Equal("$[\"2\"].inputs.image", error.JsonPath);
    }

    [Fact]
    public void Convert_Cycle_IsAnError()
    {
        var result = ApiToUiConverter.Convert(Prompt("""
            {"1": {"inputs": {"image": ["2", 0]}, "class_type": "ImageInvert"},
             "2": {"inputs": {"image": ["1", 0]}, "class_type": "ImageInvert"},
             "3": {"inputs": {"width": 8, "height": 8, "batch_size": 1, "color": 0}, "class_type": "EmptyImage"}}
            """), SchemaSet.Catalogue, "p.json");

        Assert.Null(result.Workflow);
        Assert.Equal(LokiCodes.PromptCycle, Assert.Single(result.Diagnostics).Code);
    }

    [Theory]
    [InlineData("""{"1": {"inputs": {}}}""")]
    [InlineData("""{"1": {"class_type": "ImageInvert", "inputs": []}}""")]
    [InlineData("""{}""")]
    public void Convert_BadEntry_IsAnError(string json)
    {
        var result = ApiToUiConverter.Convert(Prompt(json), SchemaSet.Catalogue, "p.json");

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == LokiCodes.PromptBadNode);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(5000)]
    public void Convert_LinkToImpossibleSlot_IsAnError(int slot)
    {
        var result = ApiToUiConverter.Convert(Prompt($$$"""
            {"1": {"inputs": {"image": ["2", {{{slot}}}]}, "class_type": "ImageInvert"},
             "2": {"inputs": {"width": 8, "height": 8, "batch_size": 1, "color": 0}, "class_type": "EmptyImage"}}
            """), SchemaSet.Catalogue, "p.json");

        Assert.Null(result.Workflow);
        Assert.Equal("$[\"1\"].inputs.image", Assert.Single(result.Diagnostics, d => d.Code == LokiCodes.PromptBadNode).JsonPath);
    }

    [Fact]
    public void Convert_LinkToSlotPastTheSchema_WarnsAndAddsOutputs()
    {
        var result = ApiToUiConverter.Convert(Prompt("""
            {"1": {"inputs": {"image": ["2", 2]}, "class_type": "ImageInvert"},
             "2": {"inputs": {"width": 8, "height": 8, "batch_size": 1, "color": 0}, "class_type": "EmptyImage"}}
            """), SchemaSet.Catalogue, "p.json");

        Assert.True(result.Succeeded);
        Assert.Equal(LokiCodes.ApiToUiUnknownOutput, Assert.Single(result.Diagnostics).Code);
        Assert.Equal(3, Node(result.Workflow!, 2)["outputs"]!.AsArray().Count);
        UiWorkflowAssert.LinksMatchSlots(result.Workflow!);
    }

    [Fact]
    public void Convert_IsDeterministic()
    {
        var prompt = Prompt("""{"2": {"inputs": {"image": ["1", 0]}, "class_type": "ImageInvert"}, "1": {"inputs": {"image": "a.png"}, "class_type": "LoadImage"}}""");

        Assert.Equal(ToUi(prompt).ToJsonString(), ToUi(prompt.DeepClone().AsObject()).ToJsonString());
    }
}
