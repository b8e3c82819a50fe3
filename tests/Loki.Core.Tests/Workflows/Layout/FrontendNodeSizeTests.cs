using System.Text.Json.Nodes;
using Loki.Core.Flows;
using Loki.Core.Schemas;
using Loki.Core.Workflows.Layout;

namespace Loki.Core.Tests.Workflows.Layout;

/// <summary>
/// The node-size model against sizes read from the real frontend 1.27.10 (<c>node.computeSize()</c> of each class as
/// created from the node menu, and a Load Image node once its image is shown), in Chromium with Arial metrics.
/// </summary>
public sealed class FrontendNodeSizeTests
{
    private static readonly SchemaSet Schemas = FlowLoader.WithLoki(SchemaSet.Catalogue, []);

    [Theory]
    [InlineData("KSampler", 210, 262)]
    [InlineData("LoadImage", 214.08, 102)]
    [InlineData("LoadImageMask", 214.08, 106)]
    [InlineData("CLIPTextEncode", 210.3, 88)]
    [InlineData("SaveImage", 210, 58)]
    [InlineData("PreviewImage", 140, 26)]
    [InlineData("PreviewAny", 210, 88)]
    [InlineData("EmptyLatentImage", 210, 106)]
    [InlineData("VAEDecode", 140, 46)]
    [InlineData("ImageBlend", 210, 102)]
    [InlineData("CheckpointLoaderSimple", 210, 98)]
    [InlineData("LokiInput", 210, 178)]
    [InlineData("LokiOutput", 210, 58)]
    public void Minimum_is_the_frontends_computeSize(string type, double width, double height)
    {
        var size = FrontendNodeSize.Minimum(NodeShapeReader.Read(new JsonObject { ["type"] = type }, Schemas));

        Assert.Equal(height, size.Height);
        Assert.InRange(size.Width, width, width + 2); // never narrower; kerning makes the frontend's text a little shorter
    }

    [Fact]
    public void A_loader_has_room_for_its_image_preview()
    {
        // Measured: Load Image showing a 512 × 384 input grows to 326 high (the preview widget's 220 px and gaps).
        var size = FrontendNodeSize.Of(NodeShapeReader.Read(new JsonObject { ["type"] = "LoadImage" }, Schemas));

        Assert.Equal(326, size.Height);
        Assert.Equal(Math.Ceiling(214.08 + 60), size.Width);
    }

    [Fact]
    public void A_multiline_text_node_starts_at_400_by_200_like_a_new_node()
    {
        var size = FrontendNodeSize.Of(NodeShapeReader.Read(new JsonObject { ["type"] = "CLIPTextEncode" }, Schemas));

        Assert.Equal((400.0, 200.0), size);
    }

    [Fact]
    public void Saved_title_and_slots_widen_the_node()
    {
        var node = JsonNode.Parse("""
            {"type": "NoSuchNode", "title": "A rather long title for a node without a definition",
             "inputs": [{"name": "first_input_with_a_long_name", "type": "IMAGE", "link": null}],
             "outputs": [{"name": "an_output_with_an_even_longer_name", "type": "IMAGE", "links": []}],
             "widgets_values": [1, 2, 3]}
            """)!.AsObject();

        var shape = NodeShapeReader.Read(node, Schemas);
        var size = FrontendNodeSize.Minimum(shape);

        Assert.Equal(3, shape.Widgets.Count);
        Assert.Equal(20 + (3 * 24) + 8 + 6, size.Height);
        Assert.True(size.Width > ArialMetrics.Width(node["title"]!.GetValue<string>(), 14) + 30, $"width {size.Width}");
    }

    [Theory]
    [InlineData("Load Image", 14, 73.944)]
    [InlineData("KSampler", 14, 61.469)]
    [InlineData("control_after_generate", 12, 120.75)]
    public void Arial_widths_match_the_browsers(string text, double fontSize, double measured)
    {
        Assert.InRange(ArialMetrics.Width(text, fontSize), measured, measured + 0.2); // advances rounded up to 1/1000 em
    }

    [Fact]
    public void Other_characters_are_given_more_room_than_any_glyph()
    {
        Assert.True(ArialMetrics.Width("📥", 14) >= 14.6); // an emoji measured 14.59 in Chromium
    }
}
