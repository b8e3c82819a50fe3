using System.Text.Json.Nodes;
using Loki.Core.Python.Comfy;
using Loki.Tests;
using Xunit.Abstractions;

namespace Loki.Core.Tests.Python;

/// <summary>
/// Static extraction of ComfyUI 0.3.64's own nodes (nodes.py and comfy_extras) compared with the /object_info the
/// real server produced (corpus/schemas/reference). Runs when ComfyUI's source ($COMFYUI_PATH or /work/comfyui)
/// and the corpus are present.
/// </summary>
public sealed class CoreAgreementTests(ITestOutputHelper output)
{
    private static string? ComfyRoot =>
        new[] { Environment.GetEnvironmentVariable("COMFYUI_PATH"), "/work/comfyui" }
            .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(Path.Combine(p, "nodes.py")) && Directory.Exists(Path.Combine(p, "comfy_extras")));

    private static string? Reference => RepoPaths.Corpus is { } c && File.Exists(Path.Combine(c, "schemas", "reference", "comfyui-0.3.64-core.object_info.json"))
        ? Path.Combine(c, "schemas", "reference", "comfyui-0.3.64-core.object_info.json") : null;

    [SkippableComfyFact]
    public async Task CoreNodesAgreeWithTheReferenceObjectInfo()
    {
        var reference = (JsonObject)JsonNode.Parse(File.ReadAllText(Reference!))!;
        var pack = await ComfyNodeExtractor.ExtractAsync(PythonTestSupport.Python, ComfyRoot!);
        var extracted = ObjectInfoDocument.Build(pack);
        int found = 0, exact = 0, onlyUnresolved = 0, wrong = 0;
        var wrongNames = new List<string>();
        foreach (var (name, expected) in reference)
        {
            if (extracted[name] is not JsonObject actual)
            {
                continue;
            }

            found++;
            if (JsonNode.DeepEquals(actual, expected))
            {
                exact++;
                continue;
            }

            // Differences only where a value is marked unresolved (runtime file lists) are honest, not wrong.
            var differs = actual.Where(p => !JsonNode.DeepEquals(p.Value, expected![p.Key])).ToList();
            if (differs.All(p => UnresolvedValue.FindAll(p.Value).Any()))
            {
                onlyUnresolved++;
            }
            else
            {
                wrong++;
                wrongNames.Add(name + ":" + string.Join(",", differs.Select(d => d.Key)));
            }
        }

        output.WriteLine($"reference {reference.Count}, found {found}, exact {exact}, differing only by unresolved markers {onlyUnresolved}, wrong {wrong}");
        output.WriteLine(string.Join("\n", wrongNames));
        Assert.True(found >= reference.Count - 1, $"found {found} of {reference.Count}");
        Assert.True(exact >= 335, $"exact {exact} of {reference.Count}");
        Assert.Equal(0, wrong);
    }

    private sealed class SkippableComfyFactAttribute : FactAttribute
    {
        public SkippableComfyFactAttribute()
        {
            if (ComfyRoot is null)
            {
                Skip = "ComfyUI's source is absent (set COMFYUI_PATH)";
            }
            else if (Reference is null)
            {
                Skip = "the reference object_info (corpus/schemas/reference) is absent";
            }
        }
    }
}
