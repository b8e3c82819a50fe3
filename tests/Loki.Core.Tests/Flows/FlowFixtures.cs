using System.Text;
using System.Text.Json.Nodes;
using Loki.Core.Config;
using Loki.Core.Diagnostics;
using Loki.Core.Flows;
using Loki.Core.Flows.Schemas;

namespace Loki.Core.Tests.Flows;

/// <summary>Small hand-written flows and the schemas they use: a few LOKI nodes and the core loaders/savers.</summary>
internal static class FlowFixtures
{
    public const string BlurConfig = """
        {"node_name": "image_blur", "description": "Blurs an image.", "category": "image/filter",
         "inputs": {"image": {"type": "IMAGE"}, "radius": {"type": "INT", "default": 2, "min": 1, "max": 31}},
         "outputs": {"image": {"type": "IMAGE"}}}
        """;

    public const string InvertConfig = """
        {"node_name": "image_invert", "inputs": {"image": {"type": "IMAGE"}}, "outputs": {"image": {"type": "IMAGE"}}}
        """;

    public const string NoiseConfig = """
        {"node_name": "image_noise", "inputs": {"image": {"type": "IMAGE"}, "seed": {"type": "INT", "default": 0, "min": 0, "max": 4294967295},
         "strength": {"type": "FLOAT", "default": 0.5, "min": 0.0, "max": 1.0, "step": 0.01},
         "mode": {"type": "COMBO", "options": ["add", "multiply"], "default": "add"}},
         "outputs": {"image": {"type": "IMAGE"}}}
        """;

    public const string CoreObjectInfo = """
        {"LoadImage": {"input": {"required": {"image": [["example.png"], {"image_upload": true}]}}, "input_order": {"required": ["image"]},
                       "output": ["IMAGE", "MASK"], "output_is_list": [false, false], "output_name": ["IMAGE", "MASK"], "name": "LoadImage", "display_name": "Load Image", "output_node": false},
         "SaveImage": {"input": {"required": {"images": ["IMAGE", {}], "filename_prefix": ["STRING", {"default": "ComfyUI"}]}},
                       "output": [], "output_is_list": [], "output_name": [], "name": "SaveImage", "display_name": "Save Image", "output_node": true},
         "ImageInvert": {"input": {"required": {"image": ["IMAGE"]}}, "output": ["IMAGE"], "output_is_list": [false], "output_name": ["IMAGE"], "name": "ImageInvert", "display_name": "Invert Image", "output_node": false}}
        """;

    public static FlowSchemaCatalog Schemas()
    {
        var catalog = new FlowSchemaCatalog().AddObjectInfo(JsonNode.Parse(CoreObjectInfo)!.AsObject());
        foreach (var text in new[] { BlurConfig, InvertConfig, NoiseConfig })
        {
            var bag = new DiagnosticBag();
            var config = NodeConfigReader.Parse(text, "test.json", bag, "x")!;
            Assert.False(bag.HasErrors);
            catalog.AddLokiNode(config);
        }

        return catalog;
    }

    public static FlowDocument Analyse(string prompt, string? ui, DiagnosticBag bag, FlowSchemaCatalog? schemas = null, string file = "flow.json") =>
        FlowDocument.Analyse(
            JsonNode.Parse(prompt)!.AsObject(),
            ui is null ? null : JsonNode.Parse(ui)!.AsObject(),
            schemas ?? Schemas(),
            file,
            Encoding.UTF8.GetBytes(prompt),
            bag);

    /// <summary>LokiInput image + radius → blur → invert → LokiOutput image.</summary>
    public const string MarkerFlow = """
        {"1": {"class_type": "LokiInput", "inputs": {"name": "image", "type": "IMAGE", "default": "", "min": "", "max": "", "description": "The picture to soften."}},
         "2": {"class_type": "LokiInput", "inputs": {"name": "radius", "type": "*", "default": "3", "min": "", "max": "", "description": ""}},
         "3": {"class_type": "LokiImageBlur", "inputs": {"image": ["1", 0], "radius": ["2", 0]}},
         "4": {"class_type": "LokiImageInvert", "inputs": {"image": ["3", 0]}, "_meta": {"title": "Negative"}},
         "5": {"class_type": "LokiOutput", "inputs": {"name": "image", "value": ["4", 0]}},
         "6": {"class_type": "LokiImageInvert", "inputs": {"image": ["1", 0]}}}
        """;

    /// <summary>LoadImage → noise (seed, strength) → blur → SaveImage: inferred signature.</summary>
    public const string PlainFlow = """
        {"10": {"class_type": "LoadImage", "inputs": {"image": "cat.png"}, "_meta": {"title": "Load Image"}},
         "11": {"class_type": "LokiImageNoise", "inputs": {"image": ["10", 0], "seed": 42, "strength": 0.25, "mode": "add"}},
         "12": {"class_type": "LokiImageBlur", "inputs": {"image": ["11", 0], "radius": 4}},
         "13": {"class_type": "SaveImage", "inputs": {"images": ["12", 0], "filename_prefix": "out"}}}
        """;

    /// <summary>The UI form of <see cref="PlainFlow"/>'s noise node: it records the seed's control mode.</summary>
    public const string PlainFlowUi = """
        {"last_node_id": 13, "last_link_id": 3, "version": 0.4, "links": [],
         "nodes": [{"id": 11, "type": "LokiImageNoise", "widgets_values": [42, "increment", 0.25, "add"]},
                   {"id": 10, "type": "LoadImage", "widgets_values": ["cat.png", "image"]}]}
        """;
}
