using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;

namespace Loki.Core.Workflows;

/// <summary>
/// A read-only view of a whole UI workflow: the root graph, every subgraph definition (nested ones included, by
/// id) and the legacy group-node definitions of <c>extra.groupNodes</c>.
/// </summary>
public sealed class UiWorkflow
{
    private readonly Dictionary<string, UiGraph> _subgraphs = new(StringComparer.Ordinal);

    private UiWorkflow(JsonObject raw, string file)
    {
        Raw = raw;
        File = file;
        Root = new UiGraph(raw, "$", isSubgraph: false);
        CollectDefinitions(raw, "$");
        GroupNodes = (raw["extra"] as JsonObject)?["groupNodes"] as JsonObject;
    }

    /// <summary>The workflow as read.</summary>
    public JsonObject Raw { get; }

    /// <summary>The file it came from.</summary>
    public string File { get; }

    /// <summary>The root graph.</summary>
    public UiGraph Root { get; }

    /// <summary>The schema version: 1 for schema 1, otherwise 0.4.</summary>
    public double Version => Raw["version"] is JsonValue v && v.TryGetValue(out double d) ? d : 0.4;

    /// <summary>Every subgraph definition, by id.</summary>
    public IReadOnlyDictionary<string, UiGraph> Subgraphs => _subgraphs;

    /// <summary>The legacy group-node definitions (<c>extra.groupNodes</c>), or null.</summary>
    public JsonObject? GroupNodes { get; }

    /// <summary>The graphs to check and convert: the root, then each subgraph definition.</summary>
    public IEnumerable<UiGraph> Graphs => [Root, .. _subgraphs.Values];

    /// <summary>
    /// What <see cref="Read"/> found (errors and warnings), or null for a view made without checks
    /// (<see cref="View"/>): a converter given a checked view reports these instead of checking again.
    /// </summary>
    public IReadOnlyList<LokiDiagnostic>? Problems { get; private set; }

    /// <summary>Wraps <paramref name="raw"/> without checking it.</summary>
    public static UiWorkflow View(JsonObject raw, string file) => new(raw, file);

    /// <summary>Wraps <paramref name="raw"/> and checks it; returns the problems found (errors reject the file).</summary>
    public static UiWorkflow Read(JsonObject raw, string file, DiagnosticBag diagnostics)
    {
        var problems = new DiagnosticBag();
        var workflow = Check(raw, file, problems);
        workflow.Problems = problems.Items;
        diagnostics.AddRange(problems.Items);
        return workflow;
    }

    private static UiWorkflow Check(JsonObject raw, string file, DiagnosticBag diagnostics)
    {
        if (raw["nodes"] is not JsonArray nodes)
        {
            diagnostics.Error(LokiCodes.WorkflowBadField, "a UI workflow needs a 'nodes' array", file, "$.nodes");
            return new UiWorkflow(raw, file);
        }

        for (var i = 0; i < nodes.Count; i++)
        {
            if (nodes[i] is not JsonObject node || JsonRead.Id(node["id"]) is null)
            {
                diagnostics.Error(LokiCodes.WorkflowBadField, "a node needs an object with an 'id'", file, JsonPathText.Index("$.nodes", i));
            }
        }

        if (raw["links"] is not (null or JsonArray))
        {
            diagnostics.Error(LokiCodes.WorkflowBadField, "'links' must be an array", file, "$.links");
        }

        var workflow = new UiWorkflow(raw, file);
        foreach (var graph in workflow.Graphs)
        {
            UiWorkflowChecks.Check(graph, workflow, diagnostics);
        }

        return workflow;
    }

    private void CollectDefinitions(JsonObject graph, string path)
    {
        if ((graph["definitions"] as JsonObject)?["subgraphs"] is not JsonArray defs)
        {
            return;
        }

        for (var i = 0; i < defs.Count; i++)
        {
            if (defs[i] is not JsonObject def || JsonRead.String(def["id"]) is not { } id)
            {
                continue;
            }

            var at = JsonPathText.Index(path + ".definitions.subgraphs", i);
            _subgraphs.TryAdd(id, new UiGraph(def, at, isSubgraph: true));
            CollectDefinitions(def, at);
        }
    }
}
