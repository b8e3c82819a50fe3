using System.Text.Json.Nodes;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Diagnostics;
using Loki.Core.Schemas;
using Loki.Core.Workflows;

namespace Loki.Core.Tests.Workflows;

/// <summary>Odd shapes real files have (or a broken editor could write) never crash reading or conversion.</summary>
public sealed class MalformedWorkflowTests
{
    private const string Base = """
        {"nodes": [
          {"id": 1, "type": "EmptyImage", "mode": 0, "outputs": [{"name": "IMAGE", "type": "IMAGE", "links": [1]}], "widgets_values": [8, 8, 1, 0]},
          {"id": 2, "type": "ImageInvert", "mode": 0, "inputs": [{"name": "image", "type": "IMAGE", "link": 1}], "outputs": [{"name": "IMAGE", "type": "IMAGE", "links": [2]}]},
          {"id": 3, "type": "PreviewImage", "mode": 0, "inputs": [{"name": "images", "type": "IMAGE", "link": 2}]}],
         "links": [[1, 1, 0, 2, 0, "IMAGE"], [2, 2, 0, 3, 0, "IMAGE"]], "version": 0.4}
        """;

    public static TheoryData<string, string> Mutations => new()
    {
        { "inputs is a string", "$.nodes[1].inputs=\"x\"" },
        { "widgets_values is a number", "$.nodes[0].widgets_values=5" },
        { "widget values too long", "$.nodes[0].widgets_values=[1,2,3,4,5,6,7]" },
        { "widget values of wrong types", "$.nodes[0].widgets_values=[\"a\",null,{\"x\":1},[1]]" },
        { "link slot out of range", "$.links[0]=[1, 1, 7, 2, 9, \"IMAGE\"]" },
        { "link entry is null", "$.links[1]=null" },
        { "node without type", "$.nodes[2].type=null" },
        { "mode is text", "$.nodes[1].mode=\"4\"" },
        { "bypassed node without outputs", "$.nodes[1]={\"id\": 2, \"type\": \"ImageInvert\", \"mode\": 4, \"inputs\": [{\"name\": \"image\", \"type\": \"IMAGE\", \"link\": 1}]}" },
        { "input names a link that is absent", "$.nodes[2].inputs=[{\"name\": \"images\", \"type\": \"IMAGE\", \"link\": 99}]" },
        { "reroute pointing at itself", "$.nodes[1]={\"id\": 2, \"type\": \"Reroute\", \"mode\": 0, \"inputs\": [{\"name\": \"\", \"type\": \"*\", \"link\": 2}], \"outputs\": [{\"name\": \"\", \"type\": \"*\", \"links\": [2]}]}" },
        { "subgraph instance of an empty definition", "$.definitions={\"subgraphs\": [{\"id\": \"sg\", \"nodes\": null, \"links\": 3, \"inputs\": [5], \"outputs\": null}]};$.nodes[1].type=\"sg\"" },
        { "group node with broken definition", "$.extra={\"groupNodes\": {\"g\": {\"nodes\": [5, {\"type\": \"ImageInvert\"}], \"links\": [[0], null, [\"a\", 0, 1, 0]], \"external\": 7}}};$.nodes[1].type=\"workflow>g\"" },
    };

    [Theory]
    [MemberData(nameof(Mutations))]
    public void Odd_shapes_give_a_prompt_or_coded_diagnostics(string name, string mutation)
    {
        var root = (JsonObject)JsonNode.Parse(Base)!;
        foreach (var change in mutation.Split(';'))
        {
            Apply(root, change);
        }

        try
        {
            var loaded = WorkflowLoader.Parse(root.ToJsonString(), name + ".json");
            var result = UiToApiConverter.Convert(loaded.Ui!, SchemaSet.Catalogue, UiToApiOptions.Default, name + ".json");
            Assert.True(result.Prompt is not null || result.Diagnostics.Any(d => d.IsError), name);
            Assert.All(result.Diagnostics, d => Assert.StartsWith("LOKI", d.Code));
        }
        catch (LokiException e)
        {
            Assert.StartsWith("LOKI", e.Diagnostic.Code);
            Assert.Equal(name + ".json", e.Diagnostic.File);
        }
    }

    private static void Apply(JsonObject root, string change)
    {
        var eq = change.IndexOf('=');
        var path = change[..eq];
        var value = JsonNode.Parse(change[(eq + 1)..]);
        var parts = path[2..].Replace("]", string.Empty).Split('.', '[');
        JsonNode node = root;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            node = int.TryParse(parts[i], out var index) ? node[index]! : node[parts[i]]!;
        }

        var last = parts[^1];
        if (int.TryParse(last, out var at))
        {
            node.AsArray()[at] = value;
        }
        else
        {
            node.AsObject()[last] = value;
        }
    }
}
