using Loki.Core.Packaging;
using Loki.Core.Rendering;
using Loki.Tests;

namespace Loki.Core.Tests.Glamours;

/// <summary>The pack ships every node's glamour folder, and its flow thumbnails are real renders with titles and icons.</summary>
public sealed class PackGlamourTests
{
    private static readonly Lazy<PackResult> Pack = new(() =>
        PackBuilder.Build(new PackOptions(RepoPaths.InRepo("nodes"), RepoPaths.InRepo("src", "python", "loki_runtime"), new PackMetadata()) { CheckImports = false }));

    [Fact]
    public void EveryNodeShipsItsGlamourFolder()
    {
        var paths = Pack.Value.Entries.Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        Assert.All(Pack.Value.Nodes, n =>
        {
            foreach (var file in new[] { "icon.png", "glamour.json", "card/card.png", "states/idle.png", "states/queued.png", "states/running.png", "states/done.png", "states/error.png" })
            {
                Assert.Contains($"nodes/{n}/glamour/{file}", paths);
            }
        });
    }

    [Theory]
    [InlineData("photo_finish")]
    [InlineData("soft_glow")]
    public void TheFlowThumbnailLooksLikeItsGoldenPicture(string flow)
    {
        var png = Pack.Value.Entries.Single(e => e.Path == $"example_workflows/{flow}.png").Content;
        GoldenImage.AssertMatches(png, "Loki.Core.Tests", $"Thumbnails/{flow}.png");
        var jpeg = Pack.Value.Entries.Single(e => e.Path == $"example_workflows/{flow}.jpg").Content;
        Assert.Equal((512, 288), (PngImage.DecodePixels(jpeg).Width, PngImage.DecodePixels(jpeg).Height));
    }
}
