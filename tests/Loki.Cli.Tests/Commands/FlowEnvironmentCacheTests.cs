using Loki.Cli.Commands;
using Loki.Core.Flows;

namespace Loki.Cli.Tests.Commands;

/// <summary>A batch finds the library a file lies in once per folder (issue 10), with the answer the file-by-file search gives.</summary>
public sealed class FlowEnvironmentCacheTests
{
    [Fact]
    public void RootAbove_AnswersAsTheLibrarySearch_ForFilesInsideBelowAndOutsideALibrary()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("lib/nodes/blur"));
        Directory.CreateDirectory(dir.File("lib/flows/deep/er"));
        Directory.CreateDirectory(dir.File("elsewhere/x"));
        string[] files = ["lib/a.json", "lib/flows/b.json", "lib/flows/deep/er/c.json", "lib/nodes/blur/blur.json", "elsewhere/x/d.json", "elsewhere/e.json", "lib/flows/deep/f.json"];
        var cache = new FlowEnvironmentCache();

        foreach (var file in files.Concat(files))
        {
            Assert.Equal(FlowLibrary.RootAbove(dir.File(file)), cache.RootAbove(dir.File(file)));
        }

        Assert.Equal(Path.GetFullPath(dir.File("lib")), cache.RootAbove(dir.File("lib/flows/deep/er/c.json")));

        // The answer holds for the run: a library made afterwards is found by the next run, not this one.
        Directory.CreateDirectory(dir.File("elsewhere/x/nodes"));
        Assert.Equal(FlowLibrary.RootAbove(dir.File("elsewhere/e.json")), cache.RootAbove(dir.File("elsewhere/e.json")));
        Assert.Equal(Path.GetFullPath(dir.File("elsewhere/x")), new FlowEnvironmentCache().RootAbove(dir.File("elsewhere/x/d.json")));
    }
}
