using Loki.Core.Rendering;

namespace Loki.Tests;

/// <summary>
/// Golden pictures: a PNG under <c>tests/&lt;project&gt;/Golden/</c> compared pixel by pixel with a tolerance, since
/// anti-aliasing may differ by a step between CPUs. <c>LOKI_ACCEPT=1</c> rewrites the golden file from the actual one;
/// a mismatch leaves the actual picture beside it as <c>*.received.png</c>.
/// </summary>
internal static class GoldenImage
{
    /// <summary>Asserts that <paramref name="png"/> looks like the golden picture at <paramref name="relativePath"/>.</summary>
    /// <param name="png">The picture drawn.</param>
    /// <param name="testProject">The test project folder name.</param>
    /// <param name="relativePath">Path under the project's <c>Golden/</c> folder.</param>
    /// <param name="channelTolerance">The largest difference of one channel that still counts as equal.</param>
    /// <param name="pixelShare">The share of pixels allowed to differ by more than that.</param>
    public static void AssertMatches(byte[] png, string testProject, string relativePath, int channelTolerance = 8, double pixelShare = 0.002)
    {
        var path = RepoPaths.InRepo("tests", testProject, "Golden", relativePath);
        if (Golden.Accepting)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, png);
            return;
        }

        Assert.True(File.Exists(path), $"golden picture {path} is missing; run the tests with LOKI_ACCEPT=1 to create it");
        var expected = PngImage.DecodePixels(File.ReadAllBytes(path), path);
        var actual = PngImage.DecodePixels(png);
        var differing = expected.Width == actual.Width && expected.Height == actual.Height ? CountDiffering(expected.Rgba, actual.Rgba, channelTolerance) : -1;
        var allowed = (int)(expected.Width * expected.Height * pixelShare);
        if (differing < 0 || differing > allowed)
        {
            File.WriteAllBytes(Path.ChangeExtension(path, ".received.png"), png);
        }

        Assert.True(differing >= 0, $"{relativePath}: size {actual.Width}x{actual.Height}, golden {expected.Width}x{expected.Height}");
        Assert.True(differing <= allowed, $"{relativePath}: {differing} pixels differ by more than {channelTolerance} (allowed {allowed}); see the .received.png beside it");
    }

    private static int CountDiffering(byte[] a, byte[] b, int tolerance)
    {
        var count = 0;
        for (var i = 0; i < a.Length; i += 4)
        {
            for (var c = 0; c < 4; c++)
            {
                if (Math.Abs(a[i + c] - b[i + c]) > tolerance)
                {
                    count++;
                    break;
                }
            }
        }

        return count;
    }
}
