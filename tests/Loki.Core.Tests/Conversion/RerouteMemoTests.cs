using System.Text;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Diagnostics;
using Loki.Core.Schemas;
using Loki.Core.Workflows;
using Loki.Tests;

namespace Loki.Core.Tests.Conversion;

/// <summary>
/// A reroute's answer is remembered from the first walk that passed it (<see cref="RerouteMemo"/>): every conversion
/// must give the same prompt bytes and the same diagnostics as walking each link in full. Checked on random graphs of
/// reroutes, bypassed and muted nodes, loops, dangling links and links to missing nodes, and on every corpus workflow.
/// </summary>
public sealed class RerouteMemoTests
{
    [Fact]
    public void Random_reroute_graphs_convert_alike_with_and_without_remembering()
    {
        var (converted, failed, hits, hitsOff) = (0, 0, 0, 0);
        for (var seed = 0; seed < 400; seed++)
        {
            var json = Encoding.UTF8.GetBytes(RandomGraph(new Random(seed)));
            var (remembered, full) = (Convert(json, disabled: false, out var on), Convert(json, disabled: true, out var off));
            Assert.True(full == remembered, $"seed {seed}:\n{full}\n---\n{remembered}");
            (converted, failed) = full.StartsWith("ok", StringComparison.Ordinal) ? (converted + 1, failed) : (converted, failed + 1);
            (hits, hitsOff) = (hits + on, hitsOff + off);
        }

        // The graphs must reach both outcomes often, or the comparison proves little; and the memo must be taken with
        // the option (else the two runs compare the full walk with itself), never without it.
        Assert.True(converted > 100 && failed > 50, $"{converted} converted, {failed} failed");
        Assert.True(hits > 20, $"{hits} remembered answers taken");
        Assert.Equal(0, hitsOff);
    }

    [CorpusFact]
    public void Every_corpus_workflow_converts_alike_with_and_without_remembering()
    {
        var (count, hits, hitsOff) = (0, 0, 0);
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Corpus!, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (!file.Contains("frontend-pairs", StringComparison.Ordinal) && !file.Contains("workflows", StringComparison.Ordinal))
            {
                continue;
            }

            var bytes = File.ReadAllBytes(file);
            Assert.True(Convert(bytes, disabled: true, out var off) == Convert(bytes, disabled: false, out var on), file);
            (count, hits, hitsOff) = (count + 1, hits + on, hitsOff + off);
        }

        Assert.True(count > 1000, $"only {count} files");
        Assert.True(hits > 1000, $"{hits} remembered answers taken");
        Assert.Equal(0, hitsOff);
    }

    // The prompt's bytes (or "failed") and every diagnostic, as one text.
    private static string Convert(byte[] json, bool disabled, out int remembered)
    {
        remembered = 0;
        WorkflowFile loaded;
        try
        {
            loaded = WorkflowLoader.Parse(json, "g.json");
        }
        catch (LokiException e)
        {
            return "load: " + e.Message;
        }

        if (!loaded.HasUi)
        {
            return "not a UI workflow";
        }

        var options = UiToApiOptions.Default with { RememberReroutes = !disabled };
        var result = UiToApiConverter.Convert(loaded.UiView ?? UiWorkflow.Read(loaded.Ui!, "g.json", new DiagnosticBag()), SchemaSet.Catalogue, options, "g.json", out remembered);
        var prompt = result.PromptUtf8() is { } bytes ? "ok\n" + Encoding.UTF8.GetString(bytes) : "failed";
        return prompt + string.Concat(result.Diagnostics.Select(d => $"\n{d.Code} {d.JsonPath} {d.Message}"));
    }

    // Real sources (EmptyImage), reroutes, ImageInvert nodes (some bypassed or muted) and sinks (PreviewImage), linked at
    // random: several sinks share chains, chains may loop, end at a bypassed node, name a link the graph lacks or a node
    // it lacks.
    private static string RandomGraph(Random random)
    {
        var count = random.Next(3, 40);
        var nodes = new List<string>();
        var links = new List<string>();
        var linkId = 1;
        for (var id = 1; id <= count; id++)
        {
            var kind = id <= 2 ? 0 : random.Next(10) switch { < 5 => 1, < 7 => 2, < 8 => 0, _ => 3 };
            var mode = kind == 2 && random.Next(3) == 0 ? 4 : random.Next(12) == 0 ? 2 : 0;
            var input = "[]";
            if (kind != 0)
            {
                var link = linkId++;
                var origin = random.Next(20) == 0 ? count + 7 : random.Next(1, count + 1);
                var name = kind switch { 1 => string.Empty, 2 => "image", _ => "images" };
                var saved = random.Next(25) == 0 ? link + 1000 : link;
                input = $$"""[{"name": "{{name}}", "type": "{{(random.Next(15) == 0 ? "MASK" : "IMAGE")}}", "link": {{saved}}}]""";
                links.Add($"[{link}, {origin}, 0, {id}, 0, \"IMAGE\"]");
            }

            var type = kind switch { 0 => "EmptyImage", 1 => "Reroute", 2 => "ImageInvert", _ => "PreviewImage" };
            var widgets = kind == 0 ? ", \"widgets_values\": [64, 64, 1, 0]" : string.Empty;
            nodes.Add($$"""{"id": {{id}}, "type": "{{type}}", "mode": {{mode}}, "inputs": {{input}}, "outputs": [{"name": "IMAGE", "type": "IMAGE"}]{{widgets}}}""");
        }

        return $$"""{"nodes": [{{string.Join(", ", nodes)}}], "links": [{{string.Join(", ", links)}}], "version": 0.4}""";
    }
}
