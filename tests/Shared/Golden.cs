using System.Text;

namespace Loki.Tests;

/// <summary>
/// Golden-file assertions. Expected files live under <c>tests/&lt;project&gt;/Golden/</c> and are committed.
/// Set <c>LOKI_ACCEPT=1</c> to (re)write them from the actual output, then review the diff and commit.
/// </summary>
internal static class Golden
{
    /// <summary>True when the accept switch is on.</summary>
    public static bool Accepting => Environment.GetEnvironmentVariable("LOKI_ACCEPT") == "1";

    /// <summary>Asserts that <paramref name="actual"/> equals the golden file <paramref name="relativePath"/>.</summary>
    /// <param name="actual">The generated text.</param>
    /// <param name="testProject">The test project folder name, e.g. <c>Loki.Core.Tests</c>.</param>
    /// <param name="relativePath">Path under that project's <c>Golden/</c> folder.</param>
    public static void AssertMatches(string actual, string testProject, string relativePath)
    {
        var path = RepoPaths.InRepo("tests", testProject, "Golden", relativePath);
        if (Accepting)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            return;
        }

        Assert.True(File.Exists(path), $"golden file {path} is missing; run the tests with LOKI_ACCEPT=1 to create it");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n");
        if (expected != actual)
        {
            File.WriteAllText(path + ".received", actual, new UTF8Encoding(false));
        }

        Assert.Equal(expected, actual);
    }
}
