using System.Text;
using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Workflows;

namespace Loki.Core.Tests.Workflows;

/// <summary>
/// The views read ids, types, names and slots straight from the parsed bytes (keys told apart by their raw bytes,
/// short strings and plain-integer ids shared through a cache, paths made on demand). Each case here is read both
/// ways: through the loader's fast path, and from the text path's mutable tree with the <see cref="JsonRead"/> readers
/// of <see cref="JsonNode"/>s, which the fast path must match exactly.
/// </summary>
public sealed class LoaderFastPathTests
{
    [Theory]
    [InlineData("5")]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("1e3")]
    [InlineData("1.0")]
    [InlineData("2.5")]
    [InlineData("123456789012345678")]
    [InlineData("1234567890123456789")]
    [InlineData("12345678901234567890")]
    [InlineData("\"7\"")]
    [InlineData("\"caf\u00e9\"")]
    [InlineData("\"a\\\"b\"")]
    [InlineData("\"\\u0041\"")]
    [InlineData("\"\"")]
    public void Node_ids_of_every_form_read_as_the_tree_reads_them(string id)
    {
        var json = $$"""{"nodes": [{"id": {{id}}, "type": "A"}, {"id": 9, "type": "B"}], "links": [[1, {{id}}, 0, 9, 0, "X"]]}""";
        AssertSameAsTree(json);
    }

    [Theory]
    [InlineData("\"KSampler\"")]
    [InlineData("\"Caf\u00e9 \u65e5\u672c\"")]
    [InlineData("\"tab\\there\"")]
    [InlineData("\"\\u004bSampler\"")]
    [InlineData("\"a-type-name-that-is-longer-than-the-cache-keeps-forty-bytes\"")]
    [InlineData("12")]
    [InlineData("1.5e2")]
    [InlineData("[\"INT\", \"FLOAT\", 3]")]
    [InlineData("null")]
    [InlineData("true")]
    public void Types_and_names_of_every_form_read_as_the_tree_reads_them(string value)
    {
        var json = $$"""
            {"nodes": [{"id": 1, "type": {{value}}, "title": {{value}},
              "inputs": [{"name": {{value}}, "type": {{value}}, "link": 4, "widget": {"name": {{value}} } }, 7, {}],
              "outputs": [{"name": "out", "type": {{value}}, "links": [4]}]},
             {"id": 2, "type": "B", "outputs": [{"name": "o", "type": "X"}]}],
             "links": [[4, 2, 0, 1, 0, {{value}}]]}
            """;
        AssertSameAsTree(json);
    }

    [Fact]
    public void Keys_written_with_escapes_or_in_other_scripts_are_read_by_what_they_say()
    {
        var json = """
            {"nodes": [{"id": 1, "typ\u0065": "Escaped", "\u006dode": 4, "ord\u0065r": 3, "titl\u0065": "T",
              "input\u0073": [{"nam\u0065": "a", "t\u0079pe": "INT", "lin\u006b": 5, "widge\u0074": {"name": "a"}}],
              "output\u0073": [{"name": "o", "type": "INT"}], "widgets_valu\u0065s": [1, 2], "propertie\u0073": {"k": 1},
              "\u540d\u524d": "unread", "caf\u00e9": 1, "名前": 2, "typé": "x"}],
             "links": []}
            """;
        var view = AssertSameAsTree(json);
        var node = view.Root.Nodes[0];
        Assert.Equal(("Escaped", 4, 3L, "T"), (node.Type, node.Mode, node.Order, node.Title));
        Assert.Equal(("a", "INT", 5L, "a"), (node.Inputs[0].Name, node.Inputs[0].Type, node.Inputs[0].Link, node.Inputs[0].WidgetName));
        Assert.Equal("[1,2]", node.WidgetValues!.ToJsonString());
        Assert.Equal("""{"k":1}""", node.Properties!.ToJsonString());
    }

    [Fact]
    public void Empty_graphs_subgraphs_and_schema_one_links_read_as_the_tree_reads_them()
    {
        AssertSameAsTree("""{"nodes": [], "links": []}""");
        AssertSameAsTree("""{"nodes": [{"id": 1}], "links": null}""");
        AssertSameAsTree("""
            {"nodes": [{"id": 1, "type": "sub-1", "inputs": [{"name": "x", "type": "INT", "link": 3}]}, {"id": 2, "type": "P", "outputs": [{"name": "o", "type": "INT"}]}],
             "links": [{"id": 3, "origin_id": 2, "origin_slot": 0, "target_id": 1, "target_slot": 0, "type": "INT"}],
             "definitions": {"subgraphs": [{"id": "sub-1", "name": "Inner",
               "inputs": [{"name": "x", "type": "INT"}], "outputs": [{"name": "y", "type": "INT"}],
               "nodes": [{"id": 5, "type": "Q", "inputs": [{"name": "v", "type": "INT", "link": 8}]}],
               "links": [{"id": 8, "origin_id": -10, "origin_slot": 0, "target_id": 5, "target_slot": 0, "type": "INT"}]}]},
             "version": 1}
            """);
    }

    [Theory]
    [InlineData("""{"nodes": [{"id": 1, "type": "A"}], "nodes": [{"id": 2, "type": "B"}], "links": []}""")]
    [InlineData("""{"nodes": [{"id": 1, "type": "A", "inputs": [{"name": "a", "name": "b", "type": "INT", "link": null}]}], "links": []}""")]
    [InlineData("""{"nodes": [{"id": 1, "type": "A", "properties": {"deep": {"x": 1, "y": {"z": 1, "z": 2}}}}], "links": []}""")]
    [InlineData("""{"nodes": [{"id": 1, "type": "A", "widgets_values": [{"k": 1, "k": 2}, 3]}], "links": []}""")]
    [InlineData("""{"nodes": [{"id": 1, "type": "A", "widgets_values": {"seed": 1, "seed": 5}}], "links": []}""")]
    [InlineData("""{"nodes": [{"id": 1, "type": "A"}], "links": [], "extra": {"ds": {"scale": 1, "scale": 2}}, "extra": {"ds": {"offset": [0, 0]}}}""")]
    [InlineData("""{"nodes": [{"id": 1, "type": "A"}], "links": [{"id": 1, "id": 2, "origin_id": 1, "origin_slot": 0, "target_id": 1, "target_slot": 0}], "version": 1}""")]
    public void A_key_written_twice_anywhere_keeps_its_last_value_as_the_text_path_does(string json)
    {
        var loaded = WorkflowLoader.Parse(json, "twice.json");
        var tree = JsonSource.Parse(json, "twice.json", LokiCodes.WorkflowInvalidJson);
        Assert.Equal(tree.ToJsonString(), loaded.Ui!.ToJsonString());
        AssertSameAsTree(json);
    }

    [Fact]
    public void Paths_made_on_demand_are_the_paths_the_nodes_and_links_sit_at()
    {
        var view = Load("""
            {"nodes": [{"id": 0}, {"id": 1, "type": "A"}, {"id": 2, "type": "B"}], "links": [null, [5, 1, 0, 2, 0, "X"]],
             "definitions": {"subgraphs": [{"id": "s", "nodes": [{"id": 3}, {"id": 4}], "links": [[6, 3, 0, 4, 0, "X"]]}]}}
            """);
        Assert.Equal(["$.nodes[0]", "$.nodes[1]", "$.nodes[2]"], view.Root.Nodes.Select(n => n.JsonPath));
        Assert.Equal("$.links[1]", view.Root.Link(5)!.JsonPath);
        var sub = view.Subgraphs["s"];
        Assert.Equal("$.definitions.subgraphs[0].nodes[1]", sub.Nodes[1].JsonPath);
        Assert.Equal("$.definitions.subgraphs[0].links[0]", sub.Link(6)!.JsonPath);
    }

    [Fact]
    public void A_link_read_from_a_file_equals_the_same_link_given_whole()
    {
        var link = Load("""{"nodes": [{"id": 1}, {"id": 2}], "links": [[5, 1, 0, 2, 1, "X"]]}""").Root.Link(5)!;
        var given = new UiLink(5, "1", 0, "2", 1, "X", "$.links[0]");
        Assert.Equal(given, link);
        Assert.Equal(given.GetHashCode(), link.GetHashCode());
        var (id, origin, originSlot, target, targetSlot, type, path) = link;
        Assert.Equal((5L, "1", 0, "2", 1, "X", "$.links[0]"), (id, origin, originSlot, target, targetSlot, type, path));
        Assert.Equal("$.links[9]", (link with { JsonPath = "$.links[9]" }).JsonPath);
    }

    [Fact]
    public void Repeated_node_ids_are_reported_once_per_repeat_in_file_order()
    {
        var json = """{"nodes": [{"id": 1}, {"id": 2}, {"id": 1}, {"id": "2"}, {"id": 1}], "links": []}""";
        var e = Assert.Throws<LokiException>(() => WorkflowLoader.Parse(json, "dup.json"));
        Assert.Equal(LokiCodes.WorkflowDuplicateNodeId, e.Diagnostic.Code);
        Assert.Equal("$.nodes[2].id", e.Diagnostic.JsonPath);

        var problems = new DiagnosticBag();
        UiWorkflow.Read((JsonObject)JsonNode.Parse(json)!, "dup.json", problems);
        Assert.Equal(["$.nodes[2].id", "$.nodes[3].id", "$.nodes[4].id"], problems.Items.Where(d => d.Code == LokiCodes.WorkflowDuplicateNodeId).Select(d => d.JsonPath));
    }

    [Fact]
    public void Nodes_without_an_id_are_reported_in_file_order_before_the_links()
    {
        var json = """{"nodes": [7, {"type": "A"}, {"id": 1, "inputs": [{"name": "x", "link": 9}]}, {"id": null}, {"i\u0064": 2}, {"id": [1]}], "links": "x"}""";
        var problems = new DiagnosticBag();
        var view = UiWorkflow.Read((JsonObject)JsonNode.Parse(json)!, "ids.json", problems);
        Assert.Equal(["1", "2"], view.Root.Nodes.Select(n => n.Id));
        Assert.Equal(
            [(LokiCodes.WorkflowBadField, "$.nodes[0]"), (LokiCodes.WorkflowBadField, "$.nodes[1]"), (LokiCodes.WorkflowBadField, "$.nodes[3]"), (LokiCodes.WorkflowBadField, "$.nodes[5]"), (LokiCodes.WorkflowBadField, "$.links"), (LokiCodes.WorkflowMissingLink, "$.nodes[2].inputs[0].link")],
            problems.Items.Select(d => (d.Code, d.JsonPath)));
        var e = Assert.Throws<LokiException>(() => WorkflowLoader.Parse(json, "ids.json"));
        Assert.Equal((LokiCodes.WorkflowBadField, "$.nodes[0]"), (e.Diagnostic.Code, e.Diagnostic.JsonPath));
    }

    [Fact]
    public void More_distinct_strings_than_the_cache_holds_each_read_right()
    {
        var nodes = string.Join(", ", Enumerable.Range(0, 9000).Select(i => $$"""{"id": {{i}}, "type": "T{{i}}", "outputs": [{"name": "n{{i % 97}}", "type": "Y{{i % 5000}}"}]}"""));
        var view = AssertSameAsTree($$"""{"nodes": [{{nodes}}], "links": []}""");
        Assert.Equal("T8999", view.Root.Nodes[^1].Type);
        Assert.Equal("Y3999", view.Root.Nodes[^1].Outputs[0].Type);
    }

    [Fact]
    public void Threads_reading_at_once_each_read_their_own_workflow()
    {
        var jsons = Enumerable.Range(0, 8).Select(t => $$"""{"nodes": [{{string.Join(", ", Enumerable.Range(0, 300).Select(i => $$"""{"id": {{i}}, "type": "T{{t}}-{{i % 50}}", "outputs": [{"name": "o{{t}}", "type": "Y{{i}}"}]}"""))}}], "links": []}""").ToArray();
        var expected = jsons.Select(j => Describe(Load(j))).ToArray();
        Parallel.For(0, 64, k => Assert.Equal(expected[k % 8], Describe(Load(jsons[k % 8]))));
    }

    private static UiWorkflow Load(string json) => WorkflowLoader.Parse(json, "case.json").UiView!;

    // The fast path's view against the text path's tree read with the JsonNode readers.
    private static UiWorkflow AssertSameAsTree(string json)
    {
        var view = Load(json);
        var tree = (JsonObject)JsonSource.Parse(json, "case.json", LokiCodes.WorkflowInvalidJson);
        Assert.Equal(Describe(tree, "$"), Describe(view.Root));
        foreach (var (id, graph) in view.Subgraphs)
        {
            var definition = ((JsonArray)tree["definitions"]!["subgraphs"]!).OfType<JsonObject>().First(d => JsonRead.String(d["id"]) == id);
            Assert.Equal(Describe(definition, graph.JsonPath), Describe(graph));
        }

        return view;
    }

    private static string Describe(UiWorkflow workflow) => string.Join("\n", workflow.Graphs.Select(Describe));

    private static string Describe(UiGraph graph)
    {
        var text = new StringBuilder();
        foreach (var node in graph.Nodes)
        {
            text.Append($"node {node.Id}|{node.Type}|{node.Mode}|{node.Order}|{node.Title}|{node.JsonPath}|{node.WidgetValues?.ToJsonString()}|{node.Properties?.ToJsonString()}\n");
            foreach (var slot in node.Inputs.Concat(node.Outputs))
            {
                text.Append($"  slot {slot.Name}|{slot.Type}|{slot.Link}|{slot.WidgetName}\n");
            }
        }

        foreach (var link in graph.Links.Values)
        {
            text.Append($"link {link.Id}|{link.OriginId}|{link.OriginSlot}|{link.TargetId}|{link.TargetSlot}|{link.Type}|{link.JsonPath}\n");
        }

        return text.ToString();
    }

    // What the views must say, read from the mutable tree (the readers of JsonNodes are the reference).
    private static string Describe(JsonObject graph, string path)
    {
        var text = new StringBuilder();
        var ids = new HashSet<string>();
        var index = 0;
        foreach (var item in graph["nodes"] as JsonArray ?? [])
        {
            var at = JsonPathText.Index(path + ".nodes", index++);
            if (item is not JsonObject node || JsonRead.Id(node["id"]) is not { } id)
            {
                continue;
            }

            var widgets = node["widgets_values"] as JsonArray;
            text.Append($"node {id}|{JsonRead.String(node["type"]) ?? string.Empty}|{(int)(JsonRead.Long(node["mode"]) ?? 0)}|{JsonRead.Long(node["order"])}|{JsonRead.String(node["title"])}|{at}|{widgets?.ToJsonString()}|{(node["properties"] as JsonObject)?.ToJsonString()}\n");
            foreach (var (key, isInput) in new[] { ("inputs", true), ("outputs", false) })
            {
                foreach (var entry in node[key] as JsonArray ?? [])
                {
                    var slot = entry as JsonObject ?? [];
                    var widget = slot["widget"] is JsonObject w ? JsonRead.String(w["name"]) : null;
                    text.Append($"  slot {JsonRead.String(slot["name"]) ?? string.Empty}|{JsonRead.Type(slot["type"])}|{(isInput ? JsonRead.Long(slot["link"]) : null)}|{widget}\n");
                }
            }
        }

        var links = new List<string>();
        var seen = new HashSet<long>();
        index = 0;
        foreach (var item in graph["links"] as JsonArray ?? [])
        {
            var at = JsonPathText.Index(path + ".links", index++);
            JsonNode?[] parts = item switch
            {
                JsonArray { Count: >= 5 } a => [a[0], a[1], a[2], a[3], a[4], a.Count > 5 ? a[5] : null],
                JsonObject o => [o["id"], o["origin_id"], o["origin_slot"], o["target_id"], o["target_slot"], o["type"]],
                _ => [],
            };
            if (parts.Length == 0 || JsonRead.Long(parts[0]) is not { } linkId || JsonRead.Id(parts[1]) is not { } origin || JsonRead.Id(parts[3]) is not { } target || !seen.Add(linkId))
            {
                continue;
            }

            text.Append($"link {linkId}|{origin}|{(int)(JsonRead.Long(parts[2]) ?? 0)}|{target}|{(int)(JsonRead.Long(parts[4]) ?? 0)}|{JsonRead.Type(parts[5])}|{at}\n");
        }

        return text.ToString();
    }
}
