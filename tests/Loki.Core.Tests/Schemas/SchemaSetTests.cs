using Loki.Core.Conversion.UiToApi;
using Loki.Core.Diagnostics;
using Loki.Core.Schemas;

namespace Loki.Core.Tests.Schemas;

public sealed class SchemaSetTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("loki-schema-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string json)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void Input_order_is_the_order_of_the_file_never_sorted()
    {
        var set = SchemaSet.Parse("""
            {"Zed": {"input": {"required": {"zeta": ["INT"], "alpha": ["FLOAT"], "mid": [["b", "a"]]}, "optional": {"omega": ["STRING"], "beta": ["BOOLEAN"]}},
                     "output": ["IMAGE"], "name": "Zed"}}
            """, "dump.json");
        Assert.Equal(["zeta", "alpha", "mid", "omega", "beta"], set.Find("Zed")!.Inputs.Select(i => i.Name));
        Assert.Equal("COMBO", set.Find("Zed")!.Input("mid")!.Type);
    }

    [Fact]
    public void Input_order_wins_over_key_order_and_unlisted_inputs_come_last()
    {
        var set = SchemaSet.Parse("""
            {"N": {"input": {"required": {"b": ["INT"], "a": ["INT"], "extra": ["INT"]}, "optional": {"o": ["INT"]}},
                   "input_order": {"required": ["a", "b"], "optional": ["o"]}, "output": [], "name": "N"}}
            """, "dump.json");
        Assert.Equal(["a", "b", "o", "extra"], set.Find("N")!.Inputs.Select(i => i.Name));
    }

    [Fact]
    public void Every_dump_adds_a_candidate_and_the_file_order_does_not_matter()
    {
        var first = Write("a.json", """{"A": {"input": {"required": {"x": ["INT"]}}, "output": []}, "B": {"input": {"required": {}}, "output": ["IMAGE"]}}""");
        var second = Write("b.json", """{"A": {"input": {"required": {"y": ["FLOAT"], "z": ["INT"]}}, "output": []}}""");
        var copy = Write("c.json", """{"A": {"input": {"required": {"x": ["INT"]}}, "output": []}}""");
        var set = SchemaSet.Load([first, second, copy], includeCatalogue: false);
        var reversed = SchemaSet.Load([copy, second, first], includeCatalogue: false);

        // Unknown versions: the definition with more inputs ranks newer; an identical copy is one candidate.
        Assert.Equal(["y", "z"], set.Find("A")!.Inputs.Select(i => i.Name));
        Assert.Equal(2, set.Candidates("A").Count);
        Assert.Equal(set.Candidates("A").Select(c => c.Raw.ToJsonString()), reversed.Candidates("A").Select(c => c.Raw.ToJsonString()));
        Assert.NotNull(set.Find("B"));
        Assert.Null(set.Find("KSampler"));
    }

    [Fact]
    public void A_dump_of_a_known_ComfyUI_version_ranks_above_an_unknown_and_an_older_one()
    {
        var unknown = Write("custom.json", """{"A": {"input": {"required": {"x": ["INT"], "w": ["INT"]}}, "output": []}}""");
        var older = Write("comfyui-0.3.10.object_info.json", """{"A": {"input": {"required": {"y": ["INT"], "w": ["INT"]}}, "output": []}}""");
        var newer = Write("comfyui-0.3.70.object_info.json", """{"A": {"input": {"required": {"z": ["INT"]}}, "output": []}}""");

        var set = SchemaSet.Load([newer, unknown, older], includeCatalogue: false);

        Assert.Equal(["0.3.70", "0.3.10", null], set.Candidates("A").Select(c => c.Origin!.ComfyVersion));
        Assert.Equal("0.3.64", SchemaSet.Catalogue.Find("KSampler")!.Origin!.ComfyVersion);
    }

    [Fact]
    public void Merge_replaces_a_class_with_the_other_sets_definitions()
    {
        var set = SchemaSet.Catalogue.Merge(SchemaSet.Parse("""{"KSampler": {"input": {"required": {}}, "output": []}}""", "lib.json"));
        Assert.Empty(Assert.Single(set.Candidates("KSampler")).Inputs);
    }

    [Fact]
    public void A_folder_contributes_every_dump_inside_it()
    {
        Write("one.json", """{"A": {"input": {"required": {}}, "output": []}}""");
        Write("two.json", """{"B": {"input": {"required": {}}, "output": []}}""");
        var set = SchemaSet.Load([_dir]);
        Assert.NotNull(set.Find("A"));
        Assert.NotNull(set.Find("B"));
        Assert.NotNull(set.Find("KSampler"));
    }

    [Fact]
    public void Bad_dumps_are_rejected_with_codes()
    {
        Assert.Equal(LokiCodes.SchemaNotFound, Assert.Throws<LokiException>(() => SchemaSet.Load([Path.Combine(_dir, "none.json")])).Diagnostic.Code);
        var bad = Write("bad.json", "{\"A\": {");
        Assert.Equal(LokiCodes.SchemaInvalid, Assert.Throws<LokiException>(() => SchemaSet.Load([bad])).Diagnostic.Code);
        var list = Write("list.json", "[1, 2]");
        Assert.Equal(LokiCodes.SchemaInvalid, Assert.Throws<LokiException>(() => SchemaSet.Load([list])).Diagnostic.Code);
        var odd = SchemaSet.Parse("""{"A": 5, "B": {"input": {"required": {}}, "output": []}}""", "odd.json");
        Assert.NotNull(odd.Find("B"));
        Assert.Equal(LokiCodes.SchemaBadNode, Assert.Single(odd.Diagnostics).Code);
    }

    [Fact]
    public void The_catalogue_holds_the_core_nodes_of_comfyui_0_3_64()
    {
        Assert.Equal("0.3.64", SchemaSet.CatalogueComfyVersion);
        Assert.Equal(378, SchemaSet.Catalogue.Count);
        var ksampler = SchemaSet.Catalogue.Find("KSampler")!;
        Assert.Equal(["model", "seed", "steps", "cfg", "sampler_name", "scheduler", "positive", "negative", "latent_image", "denoise"], ksampler.Inputs.Select(i => i.Name));
        Assert.Equal("Load Checkpoint", SchemaSet.Catalogue.Find("CheckpointLoaderSimple")!.Title);
    }

    [Theory]
    [InlineData("KSampler", "seed,control,steps,cfg,sampler_name,scheduler,denoise")]
    [InlineData("LoadImage", "image,upload")]
    [InlineData("LoadAudio", "audio,upload")]
    [InlineData("EmptyImage", "width,height,batch_size,color")]
    [InlineData("PrimitiveInt", "value,control")]
    public void Widget_layout_follows_the_frontend(string classType, string expected)
    {
        var layout = WidgetLayout.For(SchemaSet.Catalogue.Find(classType)!);
        var names = layout.Select(s => s.Kind switch
        {
            WidgetSlotKind.Value => s.Input!.Name,
            WidgetSlotKind.Control => "control",
            WidgetSlotKind.Filter => "filter",
            _ => "upload",
        });
        Assert.Equal(expected, string.Join(",", names));
    }

    [Fact]
    public void Control_widgets_follow_the_flag_and_the_seed_names()
    {
        var set = SchemaSet.Parse("""
            {"N": {"input": {"required": {
               "seed": ["INT", {}], "noise_seed": ["INT", {"control_after_generate": false}], "count": ["INT", {"control_after_generate": true}],
               "strength": ["FLOAT", {"control_after_generate": true}], "pick": [["a", "b"], {"control_after_generate": true}],
               "forced": ["INT", {"forceInput": true}], "image": ["IMAGE"]}}, "output": []}}
            """, "n.json");
        var counts = set.Find("N")!.Inputs.ToDictionary(i => i.Name, i => i.ControlWidgetCount);
        Assert.Equal(1, counts["seed"]);
        Assert.Equal(0, counts["noise_seed"]);
        Assert.Equal(1, counts["count"]);
        Assert.Equal(0, counts["strength"]); // 1.27.10's useFloatWidget ignores the flag: FLOAT widgets get no control

        Assert.Equal(2, counts["pick"]);
        Assert.Equal(0, counts["forced"]);
        Assert.False(set.Find("N")!.Input("forced")!.HasWidget);
        Assert.False(set.Find("N")!.Input("image")!.HasWidget);
    }
}
