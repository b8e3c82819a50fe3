using System.Text;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Schemas;
using Loki.Core.Text;
using Loki.Core.Workflows;

namespace Loki.Core.Tests.Conversion;

/// <summary>
/// The prompt writer writes input names and titles as the tree writer does, for every printable ASCII character, quotes
/// and backslashes, DEL, control characters and non-ASCII, converted twice (a writer that keeps escaped names between
/// conversions, tried and dropped in the sixth pass, must give these bytes too).
/// </summary>
public sealed class OddNamesWrittenTests
{
    private static readonly string[] Texts = [
        .. Enumerable.Range(0x20, 0x5F).Select(c => c is '"' or '\\' ? $"a\\{(char)c}b" : $"a{(char)c}b"),
        "\u007f", "\\u0001", "\\t", "\u0080", "é", "\u2028", "😀", "<b>&amp;</b> 'q'", "\\u0041", "\\/", "", " ", "a\\\"b\\\\c",
    ];

    [Fact]
    public void Names_and_titles_of_every_kind_are_written_as_the_tree_writes_them()
    {
        var nodes = new List<string> { """{"id": 1, "type": "EmptyImage", "mode": 0, "title": "src", "widgets_values": [8, 8, 1, 0]}""" };
        var links = new List<string>();
        for (var i = 0; i < Texts.Length; i++)
        {
            // An odd title, and a link into an input slot of an odd name (a linked slot is sent under its own name).
            nodes.Add($$"""{"id": {{i + 2}}, "type": "PreviewImage", "mode": 0, "title": "{{Texts[i]}}", "inputs": [{"name": "images", "type": "IMAGE", "link": {{(2 * i) + 10}}}, {"name": "{{Texts[i]}}", "type": "IMAGE", "link": {{(2 * i) + 11}}}]}""");
            links.Add($"[{(2 * i) + 10}, 1, 0, {i + 2}, 0, \"IMAGE\"], [{(2 * i) + 11}, 1, 0, {i + 2}, 1, \"IMAGE\"]");
        }

        var json = Encoding.UTF8.GetBytes($$"""{"nodes": [{{string.Join(",\n", nodes)}}], "links": [{{string.Join(", ", links)}}], "version": 0.4}""");
        for (var round = 0; round < 2; round++)
        {
            var typed = UiToApiConverter.Convert(WorkflowLoader.Parse(json, "n.json"), SchemaSet.Catalogue, UiToApiOptions.Default, "n.json");
            var tree = UiToApiConverter.Convert(WorkflowLoader.Parse(json, "n.json"), SchemaSet.Catalogue, UiToApiOptions.Default, "n.json");
            Assert.True(typed.Succeeded, string.Join("\n", typed.Diagnostics));
            Assert.Equal(Texts.Length + 1, tree.Prompt!.Count);
            Assert.Equal(Encoding.UTF8.GetString(CanonicalJson.WriteUtf8(tree.Prompt)), Encoding.UTF8.GetString(typed.PromptUtf8()!));
        }
    }
}
