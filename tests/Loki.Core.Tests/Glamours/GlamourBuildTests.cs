using System.Text.Json;
using Loki.Core.Diagnostics;
using Loki.Core.Glamours;
using Loki.Core.Library;
using Loki.Core.Rendering;
using Loki.Tests;

namespace Loki.Core.Tests.Glamours;

/// <summary>
/// Default glamours of the real library: every node gets icon, five faces, card and glamour.json; a second build
/// writes nothing and gives the same bytes; the repository's committed glamours are up to date; every glamour.json
/// follows the schema; golden pictures match within a tolerance.
/// </summary>
public sealed class GlamourBuildTests
{
    private static readonly string[] Files =
        ["icon.png", "states/idle.png", "states/queued.png", "states/running.png", "states/done.png", "states/error.png", "card/card.png", "glamour.json"];

    [Fact]
    public void EveryLibraryNodeGetsADeterministicGlamour()
    {
        using var library = new LibraryCopy();
        var first = GlamourBuild.Run(library.Nodes, LibraryBuildMode.Regenerate);
        Assert.DoesNotContain(first, r => r.HasErrors);
        Assert.Equal(library.Nodes.Count, first.Length);
        Assert.All(first, r => Assert.Equal(Files.Length, r.Written.Length));
        var bytes = library.Nodes.SelectMany(n => Files.Select(f => (n, f, File.ReadAllBytes(Path.Combine(n, "glamour", f))))).ToList();

        // No change: nothing drawn again; drawn again from scratch: the same bytes.
        Assert.All(GlamourBuild.Run(library.Nodes, LibraryBuildMode.Regenerate), r => Assert.Empty(r.Written));
        foreach (var node in library.Nodes)
        {
            Directory.Delete(Path.Combine(node, "glamour"), recursive: true);
        }

        GlamourBuild.Run(library.Nodes, LibraryBuildMode.Regenerate);
        Assert.All(bytes, b => Assert.True(b.Item3.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b.n, "glamour", b.f))), $"{b.n}/glamour/{b.f} differs on rebuild"));

        // Sizes: square 512 icon, 512x320 faces, a 7:12 card.
        var (iw, ih, _) = PngImage.DecodePixels(File.ReadAllBytes(library.Glamour("image_blur", "icon.png")));
        var (fw, fh, _) = PngImage.DecodePixels(File.ReadAllBytes(library.Glamour("image_blur", "states/running.png")));
        var (cw, ch, _) = PngImage.DecodePixels(File.ReadAllBytes(library.Glamour("image_blur", "card/card.png")));
        Assert.Equal((512, 512, 512, 320, 420, 720), (iw, ih, fw, fh, cw, ch));
    }

    [Fact]
    public void TheRepositorysGlamoursAreWholeGeneratedFilesThatAFreshBuildKeeps()
    {
        // Every committed picture carries an intact mark (none edited or corrupted), and growing a copy of the
        // library keeps them: nothing reported as edited, and nodes whose inputs did not change are left as they are.
        var pictures = Directory.GetFiles(RepoPaths.InRepo("nodes"), "*.png", SearchOption.AllDirectories).Where(f => f.Contains("/glamour/", StringComparison.Ordinal)).ToList();
        Assert.True(pictures.Count >= 29 * 7, $"only {pictures.Count} glamour pictures in nodes/");
        Assert.All(pictures, p => Assert.Equal(GlamourFileKind.Generated, GlamourMark.Read(p).Kind));

        using var library = new LibraryCopy(withGlamours: true);
        var results = GlamourBuild.Run(library.Nodes, LibraryBuildMode.Verify);
        Assert.DoesNotContain(results.SelectMany(r => r.Diagnostics), d => d.Code == LokiCodes.GlamourEdited);
        Assert.Contains(results, r => r.Written.IsEmpty && Directory.Exists(Path.Combine(r.Directory, "glamour")));
    }

    [Fact]
    public void EveryGlamourJsonOfTheLibraryFollowsTheSchema()
    {
        var files = Directory.GetFiles(RepoPaths.InRepo("nodes"), "glamour.json", SearchOption.AllDirectories).Where(f => f.Contains("/glamour/", StringComparison.Ordinal)).ToList();
        Assert.True(files.Count >= 29, $"only {files.Count} glamour.json files in nodes/");
        Assert.All(files, f => Assert.True(GlamourSchemaTests.Accepts(JsonDocument.Parse(File.ReadAllText(f)).RootElement), f));
    }

    [Fact]
    public void VerifyingAFreshLibraryReportsEveryMissingFileAndWritesNothing()
    {
        using var library = new LibraryCopy(only: ["image_blur"]);
        var result = Assert.Single(GlamourBuild.Run(library.Nodes, LibraryBuildMode.Verify));
        Assert.Equal(Files.Length, result.Diagnostics.Count(d => d.Code == LokiCodes.GlamourStale && d.IsError));
        Assert.False(Directory.Exists(Path.Combine(library.Root, "image_blur", "glamour")));
    }

    [Theory]
    [InlineData("image_blur", "icon.png")]
    [InlineData("image_blur", "states/running.png")]
    [InlineData("image_blur", "card/card.png")]
    [InlineData("text_overlay", "states/idle.png")]
    [InlineData("photo_finish", "icon.png")]
    [InlineData("photo_finish", "card/card.png")]
    public void LooksLikeItsGoldenPicture(string node, string file)
    {
        var png = File.ReadAllBytes(RepoPaths.InRepo("nodes", node, "glamour", file));
        GoldenImage.AssertMatches(png, "Loki.Core.Tests", $"Glamours/{node}/{file}");
    }
}
