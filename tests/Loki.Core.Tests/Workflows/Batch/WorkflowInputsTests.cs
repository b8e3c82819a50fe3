using Loki.Core.Diagnostics;
using Loki.Core.Workflows.Batch;
using Microsoft.Extensions.FileSystemGlobbing;

namespace Loki.Core.Tests.Workflows.Batch;

/// <summary>
/// The inputs of a batch: a glob with <c>**</c> is matched on the names of the files below its base (issue 10: no
/// stat per entry), and finds what the file-system matcher finds.
/// </summary>
public sealed class WorkflowInputsTests : IDisposable
{
    private static readonly string[] Files =
    [
        "a.json", "b.png", "c.txt", "sub/d.json", "sub/e.JSON", "sub/deeper/f.json", "sub/deeper/g.webp", ".hidden/h.json",
        "sub/.i.json", "x y/j k.json", "deeper/l.json", "sub/deeper/deeper/m.json",
    ];

    private readonly string _dir = Directory.CreateTempSubdirectory("loki-inputs-").FullName;

    public WorkflowInputsTests()
    {
        foreach (var file in Files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(_dir, file))!);
            File.WriteAllText(Path.Combine(_dir, file), "{}");
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("**/*.json")]
    [InlineData("**/*")]
    [InlineData("sub/**/*.json")]
    [InlineData("**/deeper/*.json")]
    [InlineData("**/deeper/**/*.json")]
    [InlineData("**/.hidden/*")]
    [InlineData("**/*.JSON")]
    [InlineData("**/j *.json")]
    [InlineData("sub/**/?.json")]
    [InlineData("**/nothing/*.json")]
    public void A_glob_with_two_stars_finds_what_the_file_system_matcher_finds(string pattern)
    {
        var found = WorkflowInputs.Expand([_dir + "/" + pattern], new DiagnosticBag());

        var stars = pattern.IndexOf("**", StringComparison.Ordinal);
        var baseDir = Path.Combine(_dir, pattern[..stars].TrimEnd('/'));
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(pattern[stars..]);
        var expected = matcher.GetResultsInFullPath(baseDir).Select(f => Path.GetRelativePath(baseDir, f).Replace('\\', '/')).Order(StringComparer.Ordinal);
        Assert.Equal(expected, found.Select(f => f.Relative));
        Assert.All(found, f => Assert.True(File.Exists(f.Path), f.Path));
    }

    [Fact]
    public void A_glob_without_two_stars_and_a_folder_expand_as_before()
    {
        var bag = new DiagnosticBag();

        Assert.Equal([".i.json", "d.json"], WorkflowInputs.Expand([_dir + "/sub/*.json"], bag).Select(f => f.Relative));
        Assert.Equal(new[] { "deeper/deeper/m.json", "deeper/f.json", "deeper/g.webp", "e.JSON", "d.json", ".i.json" }.Order(StringComparer.Ordinal), WorkflowInputs.Expand([_dir + "/sub"], bag).Select(f => f.Relative));
        Assert.Empty(bag.Items);
    }
}
