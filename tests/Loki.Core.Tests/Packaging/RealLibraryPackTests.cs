using Loki.Core.Packaging;
using Loki.Core.Regeneration;
using Loki.Tests;

namespace Loki.Core.Tests.Packaging;

/// <summary>
/// The repository's own library, grown in a temp copy by the default regenerator (what the library build does),
/// packed, and loaded as ComfyUI loads a custom-node folder: every node registers, INPUT_TYPES answers, and one
/// node of each kind present runs on its first example.
/// </summary>
public sealed class RealLibraryPackTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("loki-real-pack-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void The_real_library_grown_and_packed_loads_in_ComfyUI_and_each_kind_runs()
    {
        var library = Path.Combine(_root, "nodes");
        CopyTree(RepoPaths.InRepo("nodes"), library);
        var regenerator = NodeRegenerator.CreateDefault();
        foreach (var node in Directory.EnumerateDirectories(library))
        {
            regenerator.Regenerate(node);
        }

        var built = PackBuilder.Build(new PackOptions(library, RepoPaths.InRepo("src", "python", "loki_runtime"), new PackMetadata()) { CheckImports = false });
        var importable = built.Nodes.Count(n => File.Exists(Path.Combine(library, n, "__init__.py")));
        var installed = Path.Combine(_root, "custom_nodes", "comfyui-loki");
        PackWriter.WriteFolder(built.Entries, installed);

        var probe = PackLoadTests.Probe(installed, run: true);

        var keys = probe["keys"]!.AsArray().Select(k => k!.GetValue<string>()).ToList();
        Assert.True(importable >= 20, $"only {importable} of {built.Nodes.Length} nodes grew an __init__.py");
        Assert.Equal(importable + 2, keys.Count); // every importable node, plus LokiInput and LokiOutput
        Assert.Empty(probe["warnings"]!.AsArray());
        Assert.All(probe["input_types"]!.AsObject(), e => Assert.Null(e.Value!["error"]));
        var runs = probe["runs"]!.AsArray().Select(r => r!).ToList();
        Assert.Contains(runs, r => r["kind"]!.GetValue<string>() == "script");
        if (built.Nodes.Any(n => Directory.Exists(Path.Combine(library, n, "src")) && File.Exists(Path.Combine(library, n, "__init__.py"))))
        {
            Assert.Contains(runs, r => r["kind"]!.GetValue<string>() == "function");
        }

        if (built.Nodes.Any(n => File.Exists(Path.Combine(library, n, n + "_workflow.json")) && File.Exists(Path.Combine(library, n, n + ".json")) && File.ReadAllText(Path.Combine(library, n, n + ".json")).Contains("\"backend\": \"loki\"", StringComparison.Ordinal)))
        {
            Assert.Contains(runs, r => r["kind"]!.GetValue<string>() == "flow");
        }

        Assert.All(runs.Where(r => r["kind"]!.GetValue<string>() == "comfy"), r => Assert.Contains("COMFYUI_PATH", r["reason"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.All(runs.Where(r => r["status"]!.GetValue<string>() != "skipped"), r => Assert.Equal("ran", r["status"]!.GetValue<string>()));
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(from, dir);
            if (!rel.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj" or "output" or "__pycache__"))
            {
                Directory.CreateDirectory(Path.Combine(to, rel));
            }
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(from, file);
            if (Directory.Exists(Path.GetDirectoryName(Path.Combine(to, rel))))
            {
                File.Copy(file, Path.Combine(to, rel));
            }
        }
    }
}
