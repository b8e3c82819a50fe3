using System.Reflection;
using LokiCodes = Loki.Core.Diagnostics.LokiCodes;
using Loki.Tests;
using Microsoft.CodeAnalysis;

namespace Loki.Generators.Tests;

public sealed class LokiNodeGeneratorTests
{
    private const string ResizeConfig = """
        {
          "node_name": "image_resize",
          "description": "Resizes an image <fast> & \"well\".",
          "inputs": {
            "image": {"type": "IMAGE", "description": "Image to resize."},
            "width": {"type": "INT", "default": 512, "min": 1, "max": 8192},
            "scale": {"type": "FLOAT", "default": 1.5, "min": 0.0},
            "mode": {"type": "COMBO", "options": ["stretch", "fit", "fill", "2x"], "default": "fit"},
            "caption": {"type": "STRING", "default": "say \"hi\"\\n", "required": false},
            "sharpen": {"type": "BOOLEAN", "default": false},
            "seed": {"type": "INT", "required": false},
            "latent": {"type": "LATENT", "required": false}
          },
          "outputs": {
            "image": {"type": "IMAGE"},
            "width": {"type": "INT"},
            "ratio": {"type": "FLOAT"},
            "label": {"type": "STRING"}
          }
        }
        """;

    private static string PathOf(string node) => Path.Combine(Path.GetTempPath(), "lib", node, node + ".json");

    [Fact]
    public void Generate_ResizeNode_MatchesGoldenAndCompiles()
    {
        var run = GeneratorHarness.RunCached([(PathOf("image_resize"), ResizeConfig)]);

        var source = run.Sources["image_resize.g.cs"].Replace(Path.GetTempPath(), "/TMP/");
        Golden.AssertMatches(source, "Loki.Generators.Tests", "image_resize.g.cs");
        Golden.AssertMatches(run.Sources["LokiRuntime.g.cs"], "Loki.Generators.Tests", "LokiRuntime.g.cs");
        Assert.Empty(run.Output.GetDiagnostics().Where(static d => d.Severity == DiagnosticSeverity.Error));
        Assert.Equal(["LOKI4206"], run.Diagnostics.Select(static d => d.Id));
    }

    [Fact]
    public void Generate_CustomNamespace_IsUsed()
    {
        var run = GeneratorHarness.RunCached([(PathOf("text_case"), """{"inputs": {"text": {"type": "STRING"}}, "outputs": {"text": {"type": "STRING"}}}""")], ns: "My.Nodes");

        Assert.Contains("namespace My.Nodes;", run.Sources["text_case.g.cs"]);
        Assert.Contains("public static partial class TextCase", run.Sources["text_case.g.cs"]);
        Assert.Empty(run.Output.GetDiagnostics().Where(static d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void InvalidJson_ReportsLoki4200AtTheLine()
    {
        var run = GeneratorHarness.RunCached([(PathOf("broken"), "{\n  \"inputs\": {\n    \"a\": [1, 2\n  }\n}")]);

        var d = Assert.Single(run.Diagnostics);
        Assert.Equal("LOKI4200", d.Id);
        Assert.Equal(3, d.Location.GetLineSpan().StartLinePosition.Line);
        Assert.EndsWith("broken.json", d.Location.GetLineSpan().Path);
    }

    [Theory]
    [InlineData("""{"inputs": {"r": {"type": "INT", "default": 9, "max": 4}}}""", "LOKI4202")]
    [InlineData("""{"inputs": {"m": {"type": "COMBO", "options": ["a"], "default": "b"}}}""", "LOKI4202")]
    [InlineData("""{"inputs": {"f": {"type": "FLOAT", "default": "x"}}}""", "LOKI4202")]
    [InlineData("""{"inputs": {"a": {"type": "INT"}, "a": {"type": "INT"}}}""", "LOKI4203")]
    [InlineData("""{"inputs": 3}""", "LOKI4201")]
    [InlineData("""[1]""", "LOKI4201")]
    public void BadConfig_ReportsItsCode(string config, string code)
    {
        var run = GeneratorHarness.RunCached([(PathOf("bad"), config)]);

        Assert.Contains(code, run.Diagnostics.Select(static d => d.Id));
    }

    [Fact]
    public void MissingCliWrap_WarnsAndEmitsNothing()
    {
        var run = GeneratorHarness.RunCached([(PathOf("text_case"), """{"inputs": {}}""")], withCliWrap: false);

        Assert.Equal(["LOKI4205"], run.Diagnostics.Select(static d => d.Id));
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void FilesNotNamedLikeTheirFolder_AreIgnored()
    {
        var run = GeneratorHarness.RunCached([(Path.Combine(Path.GetTempPath(), "lib", "a", "other.json"), "{}")]);

        Assert.Empty(run.Sources);
    }

    [Fact]
    public void EquivalentEdit_LeavesModelsUnchanged_MeaningfulEditModifiesThem()
    {
        const string before = """{"inputs": {"text": {"type": "STRING"}}}""";
        const string reformatted = "{\n  \"inputs\": {\n    \"text\": {\"type\": \"STRING\"}\n  }\n}\n";
        const string changed = """{"inputs": {"text": {"type": "STRING"}, "n": {"type": "INT"}}}""";

        // The file changed, so it is parsed again; the model it gives is equal, so nothing downstream runs.
        Assert.All(GeneratorHarness.ReasonsAfterEdit(PathOf("t"), before, reformatted, TrackingNames.Parsed),
            r => Assert.Equal(IncrementalStepRunReason.Unchanged, r));
        Assert.All(GeneratorHarness.ReasonsAfterEdit(PathOf("t"), before, reformatted, TrackingNames.Models),
            r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.Contains(IncrementalStepRunReason.Modified, GeneratorHarness.ReasonsAfterEdit(PathOf("t"), before, changed, TrackingNames.Models));
    }

    [Fact]
    public void EveryDescriptorCode_IsInTheOneLokiTable()
    {
        var table = typeof(LokiCodes).GetFields().Select(static f => (string)f.GetRawConstantValue()!).ToHashSet();
        var descriptors = typeof(LokiNodeGenerator).GetNestedType("DiagnosticDescriptors", BindingFlags.NonPublic)!
            .GetFields().Select(static f => ((DiagnosticDescriptor)f.GetValue(null)!).Id).ToList();

        Assert.NotEmpty(descriptors);
        Assert.All(descriptors, id => Assert.Contains(id, table));
    }
}
