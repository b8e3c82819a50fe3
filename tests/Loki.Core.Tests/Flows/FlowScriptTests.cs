using Loki.Core.Diagnostics;
using Loki.Core.Flows.Script;
using Loki.Core.Regeneration;

using Loki.Tests;

namespace Loki.Core.Tests.Flows;

public class FlowScriptTests
{
    [Theory]
    [InlineData("marker_blur", FlowFixtures.MarkerFlow, null)]
    [InlineData("plain_noise_blur", FlowFixtures.PlainFlow, FlowFixtures.PlainFlowUi)]
    public void Script_matches_golden_and_parses(string name, string prompt, string? ui)
    {
        var bag = new DiagnosticBag();
        var schemas = FlowFixtures.Schemas();
        var doc = FlowFixtures.Analyse(prompt, ui, bag, schemas, name + ".json");
        Assert.True(doc.Validate(schemas, bag), string.Join("\n", bag.Items));

        var script = GeneratedHeader.WrapPython(FlowScriptEmitter.Emit(doc.Plan, schemas, new FlowScriptOptions(name, name + ".json")), name + ".json", doc.SourceSha256);

        Golden.AssertMatches(script, "Loki.Core.Tests", $"Flows/{name}.py");
        PythonCheck.AssertParses(script);
    }

    [Fact]
    public void Dead_branches_and_markers_are_left_out_and_loki_is_the_default_backend()
    {
        var bag = new DiagnosticBag();
        var schemas = FlowFixtures.Schemas();
        var doc = FlowFixtures.Analyse(FlowFixtures.MarkerFlow, null, bag, schemas);

        Assert.Equal(["3", "4"], doc.Plan.Order.Select(n => n.Id));
        var script = FlowScriptEmitter.Emit(doc.Plan, schemas, new FlowScriptOptions("f", "f.json"));
        Assert.Contains("backend: str = \"loki\"", script);
        Assert.DoesNotContain("LokiInput", script);
        Assert.DoesNotContain("_id=\"6\"", script);
    }

    [Fact]
    public void A_core_node_makes_comfyui_the_default_backend()
    {
        const string prompt = """
            {"1": {"class_type": "LoadImage", "inputs": {"image": "a.png"}},
             "2": {"class_type": "ImageInvert", "inputs": {"image": ["1", 0]}},
             "3": {"class_type": "SaveImage", "inputs": {"images": ["2", 0], "filename_prefix": "x"}}}
            """;
        var bag = new DiagnosticBag();
        var schemas = FlowFixtures.Schemas();
        var doc = FlowFixtures.Analyse(prompt, null, bag, schemas);
        var script = FlowScriptEmitter.Emit(doc.Plan, schemas, new FlowScriptOptions("f", "f.json"));
        Assert.Contains("backend: str = \"comfyui\"", script);
    }

    [Fact]
    public void Outputs_that_replace_a_saver_say_which_so_the_script_writes_its_pixels()
    {
        const string prompt = """
            {"1": {"class_type": "LoadImage", "inputs": {"image": "a.png"}},
             "2": {"class_type": "ImageInvert", "inputs": {"image": ["1", 0]}},
             "3": {"class_type": "SaveImage", "inputs": {"images": ["2", 0], "filename_prefix": "x"}},
             "4": {"class_type": "PreviewImage", "inputs": {"images": ["1", 0]}},
             "5": {"class_type": "ImageToMask", "inputs": {"image": ["2", 0], "channel": "red"}}}
            """;
        var bag = new DiagnosticBag();
        var schemas = FlowFixtures.Schemas();
        var doc = FlowFixtures.Analyse(prompt, null, bag, schemas);
        var script = FlowScriptEmitter.Emit(doc.Plan, schemas, new FlowScriptOptions("f", "f.json"));
        var outputs = script.Split('\n').Where(l => l.TrimStart().StartsWith("g.output(", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
        Assert.Equal(3, outputs.Count);
        // the saver node comes along (id, constant inputs) for the prompt written as PNG metadata
        Assert.Single(outputs, l => l.EndsWith(", saved_by=\"SaveImage\", _id=\"3\", filename_prefix=\"x\")", StringComparison.Ordinal));
        Assert.Single(outputs, l => l.EndsWith(", saved_by=\"PreviewImage\", _id=\"4\")", StringComparison.Ordinal));
        Assert.Single(outputs, l => !l.Contains("saved_by", StringComparison.Ordinal)); // the dangling mask: no saver
        PythonCheck.AssertParses(script);
    }

    [Fact]
    public void Strings_with_quotes_newlines_and_odd_input_names_stay_valid_python()
    {
        const string prompt = """
            {"1": {"class_type": "LokiInput", "inputs": {"name": "caption", "type": "STRING", "default": "a \"quoted\"\n'line' \\ end\"\"\"", "min": "", "max": "", "description": "Ends in a quote\" and has \"\"\" inside\n\u0000"}},
             "2": {"class_type": "LokiImageNoise", "_meta": {"title": "Noise \"x\""}, "inputs": {"image": ["3", 0], "seed": 1, "strength": 0.5, "mode": "add", "odd name": "v\"", "id": 3}},
             "3": {"class_type": "LoadImage", "inputs": {"image": "a b.png"}},
             "4": {"class_type": "LokiOutput", "inputs": {"name": "image", "value": ["2", 0]}},
             "5": {"class_type": "LokiOutput", "inputs": {"name": "caption", "value": ["1", 0]}}}
            """;
        var bag = new DiagnosticBag();
        var schemas = FlowFixtures.Schemas();
        var doc = FlowFixtures.Analyse(prompt, null, bag, schemas);
        var script = FlowScriptEmitter.Emit(doc.Plan, schemas, new FlowScriptOptions("odd", "odd \"file\".json"));
        PythonCheck.AssertParses(script);
        Assert.Contains("id=3, **{\"odd name\": \"v\\\"\"}", script);
        Assert.Contains("g.output(\"caption\", caption)", script);
    }
}
