using Loki.Library;
using Loki.Tests;

namespace Loki.Nodes.Consumer.Tests;

/// <summary>Calls real LOKI nodes of the library through the generated, compile-time checked C# API.</summary>
public sealed class TypedNodeApiTests
{
    private static LokiRunOptions Options(string output) => new() { Python = RepoPaths.Python, OutputDirectory = output };

    [Fact]
    public async Task TextCase_RunAsync_ReturnsTypedText()
    {
        var result = await TextCase.RunAsync("Hello LOKI World", TextCase.ModeOption.Snake, Options(TempDir()));

        Assert.Equal("hello_loki_world", result.Text);
    }

    [Fact]
    public async Task ImageLevels_RunAsync_WritesTheOutputFile()
    {
        var output = TempDir();
        var input = Path.Combine(RepoPaths.Root, "nodes", "image_levels", "examples", "ramp.png");

        var result = await ImageLevels.RunAsync(input, blackPoint: 0.2, whitePoint: 0.8, options: Options(output));

        var file = Assert.Single(result.Image);
        Assert.True(File.Exists(file));
        Assert.StartsWith(output, file);
        var info = await ImageInfo.RunAsync(file, Options(TempDir()));
        Assert.Equal((64L, 48L, 1L), (info.Width, info.Height, info.BatchSize));
    }

    [Fact]
    public async Task OutOfRangeArgument_IsRejectedBeforeRunning()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ImageLevels.RunAsync("x.png", gamma: 99, options: Options(TempDir())));
    }

    [Fact]
    public async Task ScriptFailure_BecomesLokiNodeException()
    {
        var ex = await Assert.ThrowsAsync<LokiNodeException>(() => ImageLevels.RunAsync("/no/such/file.png", options: Options(TempDir())));

        Assert.Equal("image_levels", ex.NodeName);
        Assert.NotEqual(0, ex.ExitCode);
    }

    private static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "loki-consumer-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }
}
