using System.Text;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Schemas;
using Loki.Core.Workflows;
using Loki.Tests;

namespace Loki.Core.Tests.Workflows;

/// <summary>
/// A workflow read by the direct reader keeps <c>extra.groupNodes</c> as where it sits in the bytes and parses only that
/// when a group node is converted: the root object (a second parse of the whole file) is never made. The definitions
/// read that way are the ones the root object holds: repeated keys inside them keep the last value, a groupNodes that is
/// not an object means none, and a repeated or escaped groupNodes key goes the document path, as before.
/// </summary>
public sealed class GroupNodeSliceTests
{
    private const string Group = """
        {"nodes": [
          {"id": 1, "type": "workflow>Pair", "mode": 0, "outputs": [{"name": "IMAGE", "type": "IMAGE", "links": [1]}], "widgets_values": [16, 8, 1, 0]},
          {"id": 2, "type": "PreviewImage", "mode": 0, "inputs": [{"name": "images", "type": "IMAGE", "link": 1}]}],
         "links": [[1, 1, 0, 2, 0, "IMAGE"]], "version": 0.4,
         "extra": {"ds": {"scale": 1}, GROUPS}}
        """;

    private const string Definition = """
        "Pair": {"nodes": [
          {"type": "EmptyImage", "index": 0, "inputs": [], "outputs": [{"name": "IMAGE", "type": "IMAGE", "links": []}], "widgets_values": [64, 64, 1, 0]},
          {"type": "ImageInvert", "index": 1, "inputs": [{"name": "image", "type": "IMAGE", "link": null}], "outputs": [{"name": "IMAGE", "type": "IMAGE", "links": []}]}],
         "links": [[0, 0, 1, 0, 1, "IMAGE"]], "external": []}
        """;

    [Theory]
    [InlineData("\"groupNodes\": {DEF}")]
    [InlineData("\"groupNodes\": {\"Pair\": {\"nodes\": []}, DEF}")]
    [InlineData("\"groupNodes\": {DEF, \"Other\": {\"nodes\": [{\"type\": \"\\u0041\"}]}}")]
    [InlineData("\"groupNodes\": [DEF]")]
    [InlineData("\"groupNodes\": null")]
    [InlineData("\"groupNodes\": {DEF}, \"groupNodes\": {}")]
    [InlineData("\"group\\u004eodes\": {DEF}")]
    [InlineData("\"groupNodes\": {\"Pair\": {\"nodes\": [{\"type\": \"ImageInvert\", \"type\": \"EmptyImage\", \"index\": 0, \"widgets_values\": [2, 3, 1, 0]}], \"links\": []}}")]
    [InlineData("\"groupNodes\": {\"Pa\\u0069r\": {\"nodes\": [{\"type\": \"EmptyImage\", \"index\": 0, \"widgets_values\": [\"caf\u00e9\", 3e0, 1, 0]}]}}")]
    public void Group_definitions_read_from_their_bytes_are_the_root_objects(string groups)
    {
        var json = Encoding.UTF8.GetBytes(Group.Replace("GROUPS", groups.Replace("DEF", Definition, StringComparison.Ordinal), StringComparison.Ordinal));
        LoaderPaths.AssertSame(json, "g.json", SchemaSet.Catalogue);
    }

    [Fact]
    public void Converting_a_group_node_read_directly_parses_only_its_definitions()
    {
        var loaded = WorkflowLoader.Parse(Encoding.UTF8.GetBytes(Group.Replace("GROUPS", "\"groupNodes\": {" + Definition + "}", StringComparison.Ordinal)), "g.json");
        var result = UiToApiConverter.Convert(loaded, SchemaSet.Catalogue, UiToApiOptions.Default, "g.json");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(["1:0", "1:1", "2"], result.Prompt!.Select(p => p.Key));
        Assert.False(loaded.UiView!.Source!.IsBuilt);
    }

    [CorpusFact]
    public void Corpus_workflows_with_group_nodes_convert_without_a_second_parse()
    {
        var (direct, used) = (0, 0);
        foreach (var set in new[] { "frontend-pairs", "pairs", "workflows" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Corpus!, set), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var bytes = File.ReadAllBytes(file);
                if (bytes.AsSpan().IndexOf("\"groupNodes\""u8) < 0 || Path.GetFileName(file) == "index.json")
                {
                    continue;
                }

                WorkflowFile loaded;
                try
                {
                    loaded = WorkflowLoader.Parse(bytes, file);
                }
                catch (Loki.Core.Diagnostics.LokiException)
                {
                    continue;
                }

                if (loaded.UiView?.Source is not { } source)
                {
                    continue;
                }

                direct++;
                UiToApiConverter.Convert(loaded, SchemaSet.Catalogue, UiToApiOptions.Default, file);
                used += loaded.UiView.Root.Nodes.Any(n => n.Type.StartsWith("workflow>", StringComparison.Ordinal) || n.Type.StartsWith("workflow/", StringComparison.Ordinal)) ? 1 : 0;
                Assert.False(source.IsBuilt, file);
            }
        }

        Assert.True(direct > 20 && used > 10, $"{direct} read directly, {used} with group nodes in use");
    }
}
