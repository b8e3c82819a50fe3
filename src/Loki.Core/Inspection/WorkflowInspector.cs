using System.Text.Json.Nodes;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Schemas;
using Loki.Core.Workflows;

namespace Loki.Core.Inspection;

/// <summary>Summarises a workflow file for <c>loki inspect</c>: format, counts, node types and what is missing.</summary>
public static class WorkflowInspector
{
    /// <summary>Builds the report of <paramref name="file"/> against <paramref name="schemas"/>.</summary>
    public static WorkflowReport Inspect(WorkflowFile file, SchemaSet schemas) =>
        file.Ui is { } ui ? InspectUi(file, ui, schemas) : InspectApi(file, file.Api!, schemas);

    private static WorkflowReport InspectUi(WorkflowFile file, JsonObject raw, SchemaSet schemas)
    {
        var workflow = UiWorkflow.View(raw, file.Path);
        var uses = new List<(string Type, JsonObject? Properties)>();
        var rawNodes = new List<JsonObject>();
        foreach (var graph in workflow.Graphs)
        {
            uses.AddRange(graph.Nodes.Select(n => (n.Type, n.Properties)));
            rawNodes.AddRange(graph.Nodes.Select(n => n.Raw));
        }

        var groups = new List<GroupNodeSummary>();
        foreach (var (name, def) in workflow.GroupNodes ?? [])
        {
            var inner = (def?["nodes"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            uses.AddRange(inner.Select(n => (JsonRead.String(n["type"]) ?? string.Empty, n["properties"] as JsonObject)));
            rawNodes.AddRange(inner);
            groups.Add(new GroupNodeSummary(name, inner.Count, uses.Count(u => u.Type == "workflow>" + name || u.Type == "workflow/" + name)));
        }

        var subgraphs = workflow.Subgraphs.Values
            .Select(g => new SubgraphSummary(g.Id!, g.Name, g.Nodes.Count, uses.Count(u => u.Type == g.Id)))
            .ToList();
        var real = uses.Where(u => u.Type.Length > 0 && !workflow.Subgraphs.ContainsKey(u.Type)
            && !u.Type.StartsWith("workflow>", StringComparison.Ordinal) && !u.Type.StartsWith("workflow/", StringComparison.Ordinal)).ToList();
        var version = workflow.Version == 1 ? "1" : (raw["version"] is JsonValue v ? v.ToJsonString() : "0.4");
        var frontend = JsonRead.String((raw["extra"] as JsonObject)?["frontendVersion"]);
        return new WorkflowReport(
            file.Path, file.Format, "ui", version, frontend,
            workflow.Root.Nodes.Count, workflow.Root.Links.Count,
            Count(real.Select(u => u.Type)), Missing(real, schemas, virtualOk: true),
            subgraphs, groups, file.Api?.Count)
        {
            Definitions = DefinitionUses.OfUiNodes(rawNodes, schemas),
        };
    }

    private static WorkflowReport InspectApi(WorkflowFile file, JsonObject prompt, SchemaSet schemas)
    {
        var uses = prompt.Select(p => (JsonRead.String(p.Value?["class_type"]) ?? string.Empty, (JsonObject?)null)).ToList();
        var links = prompt.Sum(p => (p.Value?["inputs"] as JsonObject ?? []).Count(i => ApiPrompt.IsLink(i.Value)));
        return new WorkflowReport(
            file.Path, file.Format, "api", null, null, prompt.Count, links,
            Count(uses.Select(u => u.Item1)), Missing(uses, schemas, virtualOk: false), [], [], null)
        {
            Definitions = DefinitionUses.OfPrompt(prompt, schemas),
        };
    }

    private static List<TypeCount> Count(IEnumerable<string> types) =>
        types.GroupBy(t => t, StringComparer.Ordinal)
            .Select(g => new TypeCount(g.Key, g.Count()))
            .OrderBy(t => t.Type, StringComparer.Ordinal)
            .ToList();

    private static List<MissingType> Missing(List<(string Type, JsonObject? Properties)> uses, SchemaSet schemas, bool virtualOk) =>
        uses.Where(u => !(virtualOk && VirtualNodes.Contains(u.Type)) && !schemas.Contains(VirtualNodes.Rename(u.Type)))
            .GroupBy(u => u.Type, StringComparer.Ordinal)
            .Select(g => new MissingType(g.Key, g.Count(), g.Select(u => PackCatalogue.GuessForUiNode(g.Key, u.Properties)).FirstOrDefault(p => p is not null)))
            .OrderBy(m => m.Type, StringComparer.Ordinal)
            .ToList();
}
