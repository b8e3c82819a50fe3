using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Media;
using Loki.Core.Rendering;
using Loki.Core.Text;
using Loki.Core.World;
using Loki.Core.Workflows;
using Loki.Tests;
using SkiaSharp;

namespace Loki.Core.Tests.World;

/// <summary>The World's PNG: the workflow and prompt embedded as ComfyUI embeds them, the same bytes every time, icons drawn.</summary>
public sealed class WorldPngTests
{
    [Fact]
    public void The_png_carries_the_workflow_and_the_prompt_as_tEXt_chunks_that_the_loaders_read_back()
    {
        var world = WorldSupport.Model;
        var png = WorldBuilder.Png(world, new DiagnosticBag());
        var texts = PngImage.ReadTexts(png);
        Assert.Equal(PythonJson.Dumps(world.Workflow), texts["workflow"]);
        Assert.Equal(PythonJson.Dumps(world.Prompt), texts["prompt"]);

        // What `loki convert world.png` and the frontend read: the workflow first, the prompt beside it.
        var file = Path.Combine(Directory.CreateTempSubdirectory("loki-world-png-").FullName, "world.png");
        File.WriteAllBytes(file, png);
        var loaded = WorkflowLoader.Load(file);
        Assert.True(JsonNode.DeepEquals(world.Workflow, loaded.Ui), "the workflow read back differs");
        var metadata = MediaMetadataReader.Read(file);
        Assert.True(JsonNode.DeepEquals(world.Prompt, JsonNode.Parse(metadata.Prompt!)));
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }

    [Fact]
    public void The_same_library_gives_byte_identical_worlds()
    {
        var first = WorldBuilder.Png(WorldBuilder.Model(WorldSupport.RepoLibrary()), new DiagnosticBag());
        var second = WorldBuilder.Png(WorldBuilder.Model(WorldSupport.RepoLibrary()), new DiagnosticBag());
        Assert.Equal(Convert.ToHexString(SHA256.HashData(first)), Convert.ToHexString(SHA256.HashData(second)));
        Assert.Equal(first, second);
    }

    [Fact]
    public void A_small_librarys_world_matches_its_golden_workflow_and_prompt()
    {
        using var fixture = new WorldFixture();
        var world = WorldBuilder.Model(fixture.Read());
        var golden = new JsonObject { ["workflow"] = world.Workflow.DeepClone(), ["prompt"] = world.Prompt.DeepClone() };
        Golden.AssertMatches(CanonicalJson.Write(golden), "Loki.Core.Tests", "World/small-library.world.json");

        // The mask node is fed by the image node, the flow comes last and takes the text chain's output.
        Assert.Contains(world.Plan.Links, l => world.Plan.Items[l.From - 1].ClassType == "LokiTone" && world.Plan.Items[l.To - 1].ClassType == "LokiKeyMask");
        Assert.Contains(world.Plan.Links, l => world.Plan.Items[l.From - 1].ClassType == "LokiShout" && world.Plan.Items[l.To - 1].ClassType == "LokiPostcard" && l.Input == "caption");
        Assert.Equal("LokiPostcard", world.Plan.Items.Last(i => i.Kind == WorldItemKind.Library).ClassType);
    }

    [Fact]
    public void A_glamour_icon_is_drawn_and_a_broken_one_falls_back_to_the_plain_icon_with_a_warning()
    {
        using var fixture = new WorldFixture();
        var magenta = new SKColor(0xFF, 0x00, 0xFF);
        using (var icon = new RenderCanvas(512, 512, magenta))
        {
            Directory.CreateDirectory(Path.Combine(fixture.Library, "tone", "glamour"));
            File.WriteAllBytes(Path.Combine(fixture.Library, "tone", "glamour", "icon.png"), icon.ToPng());
        }

        Directory.CreateDirectory(Path.Combine(fixture.Library, "shout", "glamour"));
        File.WriteAllText(Path.Combine(fixture.Library, "shout", "glamour", "icon.png"), "not a png");

        var diagnostics = new DiagnosticBag();
        var world = WorldBuilder.Model(fixture.Read(diagnostics));
        var png = WorldBuilder.Png(world, diagnostics);
        var warning = Assert.Single(diagnostics.Items, d => d.Code == LokiCodes.WorldIconUnreadable);
        Assert.Contains(Path.Combine("shout", "glamour", "icon.png"), warning.ToString(), StringComparison.Ordinal);
        Assert.False(diagnostics.HasErrors);

        var (width, height, rgba) = PngImage.DecodePixels(png);
        var magentaPixels = Enumerable.Range(0, width * height).Count(i => rgba[i * 4] == 0xFF && rgba[i * 4 + 1] == 0 && rgba[i * 4 + 2] == 0xFF);
        Assert.True(magentaPixels > 40 * 40, $"the glamour icon is not in the picture ({magentaPixels} magenta pixels)");
    }

    [Fact]
    public void Bad_libraries_are_reported_with_their_codes()
    {
        using var fixture = new WorldFixture();
        Directory.CreateDirectory(Path.Combine(fixture.Library, "half_done"));
        File.WriteAllText(Path.Combine(fixture.Library, "half_done", "half_done.md"), "# half done\n");
        File.WriteAllText(Path.Combine(fixture.Library, "half_done", "half_done.py"), "def run(x):\n    return x\n");
        var diagnostics = new DiagnosticBag();
        var library = fixture.Read(diagnostics);
        Assert.Contains(diagnostics.Items, d => d.Code == LokiCodes.WorldNodeWithoutConfig && d.ToString().Contains("half_done", StringComparison.Ordinal));
        Assert.DoesNotContain(library.Nodes, n => n.Name == "half_done");

        var empty = Directory.CreateTempSubdirectory("loki-world-empty-").FullName;
        var bag = new DiagnosticBag();
        Assert.Null(WorldLibraryReader.Read(empty, new Loki.Core.Packaging.PackMetadata(), bag));
        Assert.Contains(bag.Items, d => d.Code == LokiCodes.WorldEmptyLibrary && d.IsError);
        Directory.Delete(empty);
    }
}
