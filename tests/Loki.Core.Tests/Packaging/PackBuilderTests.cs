using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Packaging;
using Loki.Core.Requirements;

namespace Loki.Core.Tests.Packaging;

public class PackBuilderTests
{
    private static string Text(PackResult r, string path) =>
        System.Text.Encoding.UTF8.GetString(Assert.Single(r.Entries, e => e.Path == path).Content);

    [Fact]
    public void Lays_out_the_pack_and_leaves_tests_caches_and_outputs_behind()
    {
        using var s = new SamplePack();
        var r = PackBuilder.Build(s.Options());

        Assert.True(r.Ok, string.Join("\n", r.Diagnostics));
        var paths = r.Entries.Select(e => e.Path).ToList();
        Assert.Equal(paths.Order(StringComparer.Ordinal), paths);
        Assert.Subset(paths.ToHashSet(), new HashSet<string>
        {
            "__init__.py", "pyproject.toml", "requirements.txt", "README.md", "LICENSE", "nodes/__init__.py",
            "loki_runtime/__init__.py", "loki_runtime/markers.py",
            "nodes/value_doubler/value_doubler.py", "nodes/value_doubler/value_doubler_node.py", "nodes/value_doubler/__init__.py",
            "example_workflows/value_doubler.json", "example_workflows/value_doubler.png", "example_workflows/value_doubler.jpg", "subgraphs/value_doubler.json",
            "web/docs/LokiValueDoubler.md",
        });
        Assert.DoesNotContain(paths, p => p.Contains("__pycache__") || p.Contains("/output/") || p.EndsWith("_test.py"));
        Assert.Equal(["broken_node", "half_done", "image_invert", "value_doubler"], r.Nodes.ToArray());
        Assert.Contains(r.Diagnostics, d => d.Code == LokiCodes.PackNodeNotImportable && d.File!.EndsWith("half_done"));
    }

    [Fact]
    public void Root_init_imports_runtime_nodes_and_importable_folders_and_installs_nothing()
    {
        using var s = new SamplePack();
        var init = Text(PackBuilder.Build(s.Options()), "__init__.py");

        Assert.StartsWith(PackWriter.Marker, init, StringComparison.Ordinal);
        Assert.Contains("\"loki_runtime.markers\",", init, StringComparison.Ordinal);
        Assert.Contains("\".nodes.value_doubler\",", init, StringComparison.Ordinal);
        Assert.Contains("\".nodes.broken_node\",", init, StringComparison.Ordinal);
        Assert.DoesNotContain("half_done", init, StringComparison.Ordinal);
        Assert.Contains("WEB_DIRECTORY = \"./web\"", init, StringComparison.Ordinal);
        Assert.DoesNotContain("pip", init, StringComparison.Ordinal);
        Assert.DoesNotContain("os.system", init, StringComparison.Ordinal);
        Assert.DoesNotContain("subprocess", init, StringComparison.Ordinal);
    }

    [Fact]
    public void Pyproject_is_valid_toml_with_registry_fields_and_dependencies_equal_to_requirements()
    {
        using var s = new SamplePack();
        var r = PackBuilder.Build(s.Options(new PackMetadata { Description = "Quotes \" and \\ and\nnewlines", Icon = "https://example.org/i.png" }));
        var dir = Directory.CreateTempSubdirectory("loki-toml-").FullName;
        File.WriteAllText(Path.Combine(dir, "pyproject.toml"), Text(r, "pyproject.toml"));
        File.WriteAllText(Path.Combine(dir, "requirements.txt"), Text(r, "requirements.txt"));

        var run = PythonProcess.Run(PythonProcess.DefaultInterpreter, ["-c", """
            import json, sys, tomllib
            data = tomllib.load(open(sys.argv[1] + "/pyproject.toml", "rb"))
            reqs = [l.strip() for l in open(sys.argv[1] + "/requirements.txt") if l.strip() and not l.startswith("#")]
            print(json.dumps({"data": data, "reqs": reqs}))
            """, dir]);

        Assert.Equal(0, run.ExitCode);
        var doc = JsonNode.Parse(run.Stdout)!;
        var project = doc["data"]!["project"]!;
        Assert.Equal("comfyui-loki", project["name"]!.GetValue<string>());
        Assert.Equal("Quotes \" and \\ and\nnewlines", project["description"]!.GetValue<string>());
        Assert.Equal("LICENSE", project["license"]!["file"]!.GetValue<string>());
        Assert.Equal(["numpy>=1.20"], doc["reqs"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.Equal(["numpy>=1.20"], project["dependencies"]!.AsArray().Select(x => x!.GetValue<string>()));
        var comfy = doc["data"]!["tool"]!["comfy"]!;
        Assert.Equal("loki", comfy["PublisherId"]!.GetValue<string>());
        Assert.Equal(">=0.3.60", comfy["requires-comfyui"]!.GetValue<string>());
        Assert.Null(comfy["web"]);
    }

    [Theory]
    [InlineData("name", "ComfyUI--LOKI")]
    [InlineData("name", "-loki")]
    [InlineData("version", "1.0")]
    [InlineData("publisher_id", "Loki")]
    [InlineData("repository", "http://github.com/x/y")]
    [InlineData("repository", "https://user:token@github.com/x/y")]
    [InlineData("requires_comfyui", ">=1.0.0")]
    [InlineData("classifiers", "Environment :: GPU :: NVIDIA")]
    public void Metadata_the_registry_would_refuse_is_a_coded_error_at_its_field(string field, string value)
    {
        var m = field switch
        {
            "name" => new PackMetadata { Name = value },
            "version" => new PackMetadata { Version = value },
            "publisher_id" => new PackMetadata { PublisherId = value },
            "repository" => new PackMetadata { Repository = value },
            "requires_comfyui" => new PackMetadata { RequiresComfyUI = value },
            _ => new PackMetadata { Classifiers = [value] },
        };
        var diags = new DiagnosticBag();

        PackMetadataValidator.Validate(m, "pack.json", diags);

        var d = Assert.Single(diags.Items);
        Assert.Equal(LokiCodes.PackBadMetadata, d.Code);
        Assert.Equal("$." + field, d.JsonPath);
    }

    [Fact]
    public void Two_builds_give_byte_identical_trees_and_archives()
    {
        using var s = new SamplePack();
        var a = PackBuilder.Build(s.Options());
        var b = PackBuilder.Build(s.Options());
        var outA = Path.Combine(s.Root, "out-a", "ComfyUI-LOKI");
        var outB = Path.Combine(s.Root, "out-b", "ComfyUI-LOKI");
        PackWriter.WriteFolder(a.Entries, outA);
        PackWriter.WriteFolder(b.Entries, outB);
        var zipA = Path.Combine(s.Root, "a.zip");
        var zipB = Path.Combine(s.Root, "b.zip");
        var shaA = PackWriter.WriteZip(a.Entries, zipA);
        var shaB = PackWriter.WriteZip(b.Entries, zipB);

        Assert.Equal(File.ReadAllBytes(zipA), File.ReadAllBytes(zipB));
        Assert.Equal(shaA, shaB);
        var filesA = Directory.GetFiles(outA, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(outA, f)).Order(StringComparer.Ordinal).ToList();
        var filesB = Directory.GetFiles(outB, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(outB, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(filesA, filesB);
        Assert.All(filesA, f => Assert.Equal(File.ReadAllBytes(Path.Combine(outA, f)), File.ReadAllBytes(Path.Combine(outB, f))));
        Assert.All(filesA, f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(Path.Combine(outA, f))));

        using var zip = ZipFile.OpenRead(zipA);
        Assert.Equal(filesA.Select(f => f.Replace('\\', '/')), zip.Entries.Select(e => e.FullName));
        Assert.All(zip.Entries, e => Assert.Equal(PackWriter.ZipTimestamp.DateTime, e.LastWriteTime.DateTime));
    }

    [Fact]
    public void The_real_library_packs_to_the_same_archive_twice()
    {
        var options = new PackOptions(Loki.Tests.RepoPaths.InRepo("nodes"), Loki.Tests.RepoPaths.InRepo("src", "python", "loki_runtime"), new PackMetadata());
        var a = PackBuilder.Build(options);
        var b = PackBuilder.Build(options);

        Assert.True(a.Nodes.Length >= 20, $"only {a.Nodes.Length} nodes found in nodes/");
        Assert.Equal(PackWriter.ZipBytes(a.Entries), PackWriter.ZipBytes(b.Entries));
        Assert.Contains(a.Entries, e => e.Path == "loki_runtime/script.py");
    }

    [Fact]
    public void A_changed_source_changes_the_archive_and_a_rewrite_removes_stale_files()
    {
        using var s = new SamplePack();
        var outDir = Path.Combine(s.Root, "artifacts", "ComfyUI-LOKI");
        var before = PackBuilder.Build(s.Options());
        PackWriter.WriteFolder(before.Entries, outDir);
        File.Delete(Path.Combine(s.Library, "value_doubler", "value_doubler.md"));

        var after = PackBuilder.Build(s.Options());
        PackWriter.WriteFolder(after.Entries, outDir);

        Assert.NotEqual(PackWriter.ZipBytes(before.Entries), PackWriter.ZipBytes(after.Entries));
        Assert.False(File.Exists(Path.Combine(outDir, "web", "docs", "LokiValueDoubler.md")));
        Assert.Equal(0, PackWriter.WriteFolder(after.Entries, outDir));
    }

    [Fact]
    public void A_folder_LOKI_did_not_write_is_never_overwritten()
    {
        using var s = new SamplePack();
        var outDir = Path.Combine(s.Root, "mine");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "notes.txt"), "keep me");

        var ex = Assert.Throws<LokiException>(() => PackWriter.WriteFolder(PackBuilder.Build(s.Options()).Entries, outDir));

        Assert.Equal(LokiCodes.PackForeignOutput, ex.Diagnostic.Code);
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(outDir, "notes.txt")));
    }

    [Fact]
    public void Case_collisions_and_reserved_names_are_reported()
    {
        var diags = new DiagnosticBag();
        PortablePaths.Check(["nodes/a/Readme.md", "nodes/a/README.md", "nodes/con.py", "nodes/b/ok.py"], diags);
        Assert.Equal(2, diags.Items.Count);
        Assert.All(diags.Items, d => Assert.Equal(LokiCodes.PackPathNotPortable, d.Code));
    }

    [Fact]
    public void Requirement_errors_of_a_node_fail_the_pack()
    {
        using var s = new SamplePack();
        File.WriteAllText(Path.Combine(s.Library, "value_doubler", "requirements.txt"), "numpy>=1.20\ntorch==2.1.0\n");

        var r = PackBuilder.Build(s.Options());

        Assert.False(r.Ok);
        Assert.Contains(r.Diagnostics, d => d.Code == LokiCodes.RequirementPinsTorch && d.Line == 2);
    }
}
