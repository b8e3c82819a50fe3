using System.Text.Json.Nodes;
using Loki.Core.Inspection;
using Loki.Core.Schemas;

namespace Loki.Cli.Commands;

/// <summary>The <c>--json</c> form of an inspection report: one object, keys in a fixed order, snake_case.</summary>
internal static class InspectReportJson
{
    public static JsonObject Build(WorkflowReport r) => new()
    {
        ["file"] = r.File,
        ["format"] = InspectReportText.FormatName(r.Format),
        ["kind"] = r.Kind,
        ["version"] = r.Version,
        ["frontend_version"] = r.FrontendVersion,
        ["nodes"] = r.Nodes,
        ["links"] = r.Links,
        ["prompt_nodes"] = r.PromptNodes,
        ["types"] = new JsonArray(r.Types.Select(t => (JsonNode)new JsonObject { ["type"] = t.Type, ["count"] = t.Count }).ToArray()),
        ["missing_types"] = new JsonArray(r.MissingTypes.Select(m => (JsonNode)new JsonObject
        {
            ["type"] = m.Type,
            ["count"] = m.Count,
            ["pack"] = Pack(m.Pack),
        }).ToArray()),
        ["definitions"] = new JsonArray(r.Definitions.Select(d => (JsonNode)new JsonObject
        {
            ["type"] = d.Type, ["source"] = d.Source, ["comfyui_version"] = d.ComfyVersion, ["nodes"] = d.Nodes, ["candidates"] = d.Candidates,
        }).ToArray()),
        ["subgraphs"] = new JsonArray(r.Subgraphs.Select(s => (JsonNode)new JsonObject
        {
            ["id"] = s.Id, ["name"] = s.Name, ["nodes"] = s.Nodes, ["instances"] = s.Instances,
        }).ToArray()),
        ["group_nodes"] = new JsonArray(r.GroupNodes.Select(g => (JsonNode)new JsonObject
        {
            ["name"] = g.Name, ["nodes"] = g.Nodes, ["instances"] = g.Instances,
        }).ToArray()),
    };

    private static JsonObject? Pack(PackGuess? pack) => pack is null ? null : new JsonObject
    {
        ["id"] = pack.Id,
        ["name"] = pack.Name,
        ["repository"] = pack.Repository,
        ["evidence"] = pack.Evidence,
    };
}
