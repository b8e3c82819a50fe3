using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Glamours;
using Loki.Core.Library;
using Loki.Core.Rendering;
using SkiaSharp;

namespace Loki.Core.Tests.Glamours;

/// <summary>
/// A person's glamour files are never overwritten: an authored icon is kept and shown by the faces and card; an
/// edited generated picture is kept with LOKI7104; an authored glamour.json makes the folder theirs and is checked.
/// Inputs that change redraw what shows them, including flows made of the changed node, recursively.
/// </summary>
public sealed class GlamourOwnershipTests
{
    private static byte[] Square(SKColor color)
    {
        using var canvas = new RenderCanvas(512, 512, color);
        return canvas.ToPng();
    }

    [Fact]
    public void AnAuthoredIconIsKeptAndTheFacesAndCardShowIt()
    {
        using var library = new LibraryCopy(only: ["image_blur"]);
        var authored = Square(new SKColor(0xFF, 0x00, 0xFF));
        Directory.CreateDirectory(Path.GetDirectoryName(library.Glamour("image_blur", "icon.png"))!);
        File.WriteAllBytes(library.Glamour("image_blur", "icon.png"), authored);

        var result = Assert.Single(GlamourBuild.Run(library.Nodes, LibraryBuildMode.Regenerate));

        Assert.Equal(authored, File.ReadAllBytes(library.Glamour("image_blur", "icon.png")));
        Assert.DoesNotContain(result.Written, w => w.EndsWith("icon.png", StringComparison.Ordinal));
        var (w, _, rgba) = PngImage.DecodePixels(File.ReadAllBytes(library.Glamour("image_blur", "states/idle.png")));
        var center = ((int)GlamourFace.IconBox.MidY * w + (int)GlamourFace.IconBox.MidX) * 4;
        Assert.Equal((255, 0, 255), (rgba[center], rgba[center + 1], rgba[center + 2]));
    }

    [Fact]
    public void AnEditedGeneratedPictureIsKeptWithACodedWarning()
    {
        using var library = new LibraryCopy(only: ["image_blur"]);
        GlamourBuild.Run(library.Nodes, LibraryBuildMode.Regenerate);
        var card = library.Glamour("image_blur", "card/card.png");
        // Painted over in an editor that keeps the text chunks: the mark is there, its body hash no longer matches.
        var mark = PngImage.ReadTexts(File.ReadAllBytes(card))[GlamourMark.Keyword];
        var bytes = Loki.Core.Media.PngMetadataWriter.EmbedText(Square(SKColors.Teal), [KeyValuePair.Create(GlamourMark.Keyword, mark)]);
        File.WriteAllBytes(card, bytes);
        File.AppendAllText(Path.Combine(library.Root, "image_blur", "image_blur_name.md"), "- **METAPHORS**: fog on glass\n");

        var result = Assert.Single(GlamourBuild.Run(library.Nodes, LibraryBuildMode.Regenerate));

        Assert.Equal(bytes, File.ReadAllBytes(card));
        Assert.Contains(result.Diagnostics, d => d.Code == LokiCodes.GlamourEdited && d.File == card);
        Assert.Contains(result.Written, p => p.EndsWith("idle.png", StringComparison.Ordinal)); // the others follow the name layer
    }

    [Fact]
    public void AnAuthoredGlamourJsonIsCheckedAndNeverRewritten()
    {
        using var library = new LibraryCopy(only: ["image_blur"]);
        var json = library.Glamour("image_blur", "glamour.json");
        Directory.CreateDirectory(Path.GetDirectoryName(json)!);
        var text = """{"version": 1, "node": "image_blur", "icon": "mine.png", "states": {"idle": {"image": "mine.png"}}}""";
        File.WriteAllText(json, text);

        var result = Assert.Single(GlamourBuild.Run(library.Nodes, LibraryBuildMode.Regenerate));

        Assert.Equal(text, File.ReadAllText(json));
        Assert.Empty(result.Written);
        Assert.Contains(result.Diagnostics, d => d.Code == LokiCodes.GlamourFileMissing && d.JsonPath == "$.icon");
        Assert.Contains(result.Diagnostics, d => d.Code == LokiCodes.GlamourInvalid && d.JsonPath == "$.states.running");
    }

    [Fact]
    public void NestedFlowsComposeTheirPartsGlamoursRecursively()
    {
        using var library = new LibraryCopy(only: ["image_levels", "image_sharpen", "text_overlay", "photo_finish"]);
        var outer = Path.Combine(library.Root, "finish_twice");
        Directory.CreateDirectory(outer);
        File.WriteAllText(Path.Combine(outer, "finish_twice_workflow.json"), """
            {"last_node_id": 2, "last_link_id": 1, "version": 0.4,
             "nodes": [{"id": 1, "type": "LokiPhotoFinish", "pos": [0, 0], "size": [300, 120], "outputs": [{"name": "image", "type": "IMAGE", "links": [1]}]},
                       {"id": 2, "type": "LokiPhotoFinish", "pos": [400, 0], "size": [300, 120], "inputs": [{"name": "image", "type": "IMAGE", "link": 1}]}],
             "links": [[1, 1, 0, 2, 0, "IMAGE"]]}
            """);
        File.WriteAllText(Path.Combine(outer, "finish_twice_name.md"), "- **EMOJI_ICON**: 🎞️\n- **METAPHORS**: two coats of varnish\n");

        var results = GlamourBuild.Run(library.Nodes, LibraryBuildMode.Regenerate);
        var order = results.Select(r => r.Node).ToList();
        Assert.True(order.IndexOf("image_levels") < order.IndexOf("photo_finish") && order.IndexOf("photo_finish") < order.IndexOf("finish_twice"), string.Join(",", order));

        var parts = JsonNode.Parse(File.ReadAllText(library.Glamour("finish_twice", "glamour.json")))!["parts"]!.AsArray();
        Assert.Equal(["photo_finish", "photo_finish"], parts.Select(p => p!["node"]!.GetValue<string>()));
        Assert.All(parts, p => Assert.True(p!["glamoured"]!.GetValue<bool>()));
        var inner = JsonNode.Parse(File.ReadAllText(library.Glamour("photo_finish", "glamour.json")))!["parts"]!.AsArray();
        Assert.Contains(inner, p => p!["node"]!.GetValue<string>() == "image_sharpen" && p["glamoured"]!.GetValue<bool>());

        // A new icon for a part two levels down redraws both flows, and nothing else.
        File.WriteAllBytes(library.Glamour("image_sharpen", "icon.png"), Square(SKColors.Red));
        var again = GlamourBuild.Run(library.Nodes, LibraryBuildMode.Regenerate).Where(r => r.Written.Any(w => w.EndsWith("icon.png", StringComparison.Ordinal))).Select(r => r.Node).Order(StringComparer.Ordinal);
        Assert.Equal(["finish_twice", "photo_finish"], again);
    }
}
