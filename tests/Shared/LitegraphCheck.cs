using System.Globalization;
using System.Text.Json.Nodes;

namespace Loki.Tests;

/// <summary>
/// The real litegraph client's verdict on UI workflow files: <c>tests/js/check-workflows.mjs</c> (through
/// <c>@comfyorg/litegraph</c>) configures each file, checks that every link joins the slots it names, that
/// serialising again keeps the links and that no two nodes overlap, and lists apart the links whose input takes
/// another type. One JSON line per file; the tests that load workflows in litegraph all read it here.
/// </summary>
internal static class LitegraphCheck
{
    /// <summary>What the client said about one file.</summary>
    /// <param name="File">The file, as given.</param>
    /// <param name="Problems">Broken links, lost links on serialising, overlapping nodes.</param>
    /// <param name="TypeMismatches">Ids of links whose input takes another type than the link carries.</param>
    public sealed record FileVerdict(string File, IReadOnlyList<string> Problems, IReadOnlyList<long> TypeMismatches);

    /// <summary>
    /// Loads <paramref name="files"/> in litegraph (installing <c>tests/js</c> first when needed) and asserts that
    /// every file has no problem, and no link of another type than its input takes unless
    /// <paramref name="mismatchAllowed"/> (file, link id) says that link was expected.
    /// </summary>
    public static IReadOnlyList<FileVerdict> AssertLoad(IReadOnlyCollection<string> files, Func<string, long, bool>? mismatchAllowed = null)
    {
        var verdicts = Run(files);
        foreach (var verdict in verdicts)
        {
            Assert.True(verdict.Problems.Count == 0, $"{verdict.File}: {string.Join("; ", verdict.Problems)}");
            var unexpected = verdict.TypeMismatches.Where(id => mismatchAllowed?.Invoke(verdict.File, id) != true).ToList();
            Assert.True(unexpected.Count == 0, $"{verdict.File}: links {string.Join(", ", unexpected)} join other types");
        }

        return verdicts;
    }

    /// <summary>Runs the client on <paramref name="files"/>; asserts only that it answered once per file.</summary>
    public static IReadOnlyList<FileVerdict> Run(IReadOnlyCollection<string> files)
    {
        NodeJsFactAttribute.EnsureInstalled();
        var (code, output) = NodeJsFactAttribute.Run(NodeJsFactAttribute.Find("node")!, [Path.Combine(NodeJsFactAttribute.Folder, "check-workflows.mjs"), .. files], NodeJsFactAttribute.Folder, TimeSpan.FromMinutes(2));
        var verdicts = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith('{')).Select(Parse).ToList();
        Assert.True(verdicts.Count == files.Count, $"check-workflows.mjs answered {verdicts.Count} lines for {files.Count} files (exit {code}):\n{output}");

        // The script exits 1 exactly when some file has a problem; anything else is the client failing.
        Assert.True(code == (verdicts.Any(v => v.Problems.Count > 0) ? 1 : 0), $"check-workflows.mjs exited {code}:\n{output}");
        return verdicts;
    }

    private static FileVerdict Parse(string line)
    {
        var json = JsonNode.Parse(line)!;
        return new FileVerdict(
            json["file"]!.GetValue<string>(),
            [.. json["problems"]!.AsArray().Select(p => p!.ToJsonString())],
            // A file litegraph threw on has only its problem.
            [.. (json["typeMismatches"]?.AsArray() ?? []).Select(x => long.Parse(x!.ToJsonString(), CultureInfo.InvariantCulture))]);
    }
}
