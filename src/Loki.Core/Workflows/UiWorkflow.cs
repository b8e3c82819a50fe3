using System.Text.Json;
using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;

namespace Loki.Core.Workflows;

/// <summary>
/// A read-only view of a whole UI workflow: the root graph, every subgraph definition (nested ones included, by
/// id) and the legacy group-node definitions of <c>extra.groupNodes</c>.
/// </summary>
public sealed class UiWorkflow
{
    // Made when the first definition is added: most workflows have none.
    private Dictionary<string, UiGraph>? _subgraphs;
    private readonly JsonObject? _raw;
    private readonly JsonElement _element;
    private readonly double? _version;
    private readonly JsonObject? _groupNodes;
    private readonly JsonSlice _groupNodesSlice;
    private JsonObject? _groupNodesRead;

    private UiWorkflow(JsonObject raw, JsonElement element, string file)
    {
        _raw = raw;
        _element = element;
        File = file;
        Root = new UiGraph(element, null, -1, "$", isSubgraph: false, raw);
        CollectDefinitions(Root, element, "$");

        // Looked up in the element first: most workflows have no group nodes, and then the root object stays unbuilt.
        _groupNodes = element.TryGetProperty("extra"u8, out var extra) && extra.ValueKind == JsonValueKind.Object
            && extra.TryGetProperty("groupNodes"u8, out var groups) && groups.ValueKind == JsonValueKind.Object
                ? (raw["extra"] as JsonObject)?["groupNodes"] as JsonObject
                : null;
    }

    /// <summary>
    /// A workflow <see cref="UiDirectReader"/> read from <paramref name="source"/>'s bytes into <paramref name="root"/>
    /// and <paramref name="definitions"/> (every subgraph definition with an id, nested ones after their parent, in
    /// the order the element path collects them; the first of a repeated id is kept); <paramref name="groupNodes"/> is
    /// where <c>extra.groupNodes</c> sits when it is an object, parsed from there when asked for.
    /// </summary>
    internal UiWorkflow(LazyJsonRoot source, UiGraph root, double? version, JsonSlice groupNodes, List<(string Id, UiGraph Graph)>? definitions = null)
    {
        Source = source;
        File = source.File;
        Root = root;
        _version = version;
        _groupNodesSlice = groupNodes;
        if (definitions is not null)
        {
            foreach (var (id, graph) in definitions)
            {
                AddSubgraph(id, graph);
            }
        }
    }

    /// <summary>The workflow as read (for one read from bytes, made on first use).</summary>
    public JsonObject Raw => _raw ?? Source!.Object;

    /// <summary>The workflow as parsed (for one read from bytes, parsed on first use).</summary>
    internal JsonElement Element => Source?.Element ?? _element;

    /// <summary>The bytes a workflow read by <see cref="UiDirectReader"/> came from (null for one read from elements).</summary>
    internal LazyJsonRoot? Source { get; }

    /// <summary>The file it came from.</summary>
    public string File { get; }

    /// <summary>The root graph.</summary>
    public UiGraph Root { get; }

    /// <summary>The schema version: 1 for schema 1, otherwise 0.4.</summary>
    public double Version => Source is not null ? _version ?? 0.4 : Element.TryGetProperty("version"u8, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) ? d : 0.4;

    /// <summary>Every subgraph definition, by id.</summary>
    public IReadOnlyDictionary<string, UiGraph> Subgraphs => (IReadOnlyDictionary<string, UiGraph>?)_subgraphs ?? System.Collections.ObjectModel.ReadOnlyDictionary<string, UiGraph>.Empty;

    /// <summary>The legacy group-node definitions (<c>extra.groupNodes</c>), or null.</summary>
    public JsonObject? GroupNodes => Source is null || _groupNodesSlice.IsEmpty ? _groupNodes : _groupNodesRead ??= (JsonObject)_groupNodesSlice.ParseNode();

    /// <summary>The graphs to check and convert: the root, then each subgraph definition.</summary>
    public IEnumerable<UiGraph> Graphs => [Root, .. Subgraphs.Values];

    /// <summary>
    /// What <see cref="Read(JsonObject, string, DiagnosticBag)"/> found (errors and warnings), or null for a view made without checks
    /// (<see cref="View"/>): a converter given a checked view reports these instead of checking again.
    /// </summary>
    public IReadOnlyList<LokiDiagnostic>? Problems { get; private set; }

    /// <summary>Wraps <paramref name="raw"/> without checking it.</summary>
    public static UiWorkflow View(JsonObject raw, string file) => new(raw, JsonSource.ElementOf(raw), file);

    /// <summary>Wraps <paramref name="raw"/> and checks it; returns the problems found (errors reject the file).</summary>
    public static UiWorkflow Read(JsonObject raw, string file, DiagnosticBag diagnostics) => Read(raw, null, file, diagnostics);

    /// <summary>
    /// As <see cref="Read(JsonObject, string, DiagnosticBag)"/>, reading from <paramref name="element"/>, the element
    /// <paramref name="raw"/> was built from, when there is one (else from <paramref name="raw"/>'s JSON).
    /// </summary>
    internal static UiWorkflow Read(JsonObject raw, JsonElement? element, string file, DiagnosticBag diagnostics)
    {
        var problems = new DiagnosticBag();
        var workflow = Check(raw, element ?? JsonSource.ElementOf(raw), file, problems);
        workflow.Problems = problems.Items;
        diagnostics.AddRange(problems.Items);
        return workflow;
    }

    /// <summary>
    /// Checks a workflow <see cref="UiDirectReader"/> read (as <see cref="Read(JsonObject, string, DiagnosticBag)"/> checks
    /// one); returns its <see cref="Problems"/>.
    /// </summary>
    internal static IReadOnlyList<LokiDiagnostic> Checked(UiWorkflow workflow)
    {
        var problems = new DiagnosticBag();
        UiWorkflowChecks.Check(workflow.Root, workflow, problems);
        if (workflow._subgraphs is { } subgraphs)
        {
            foreach (var graph in subgraphs.Values)
            {
                UiWorkflowChecks.Check(graph, workflow, problems);
            }
        }

        return workflow.Problems = problems.Items;
    }

    private static UiWorkflow Check(JsonObject raw, JsonElement element, string file, DiagnosticBag diagnostics)
    {
        if (!element.TryGetProperty("nodes"u8, out var nodes) || nodes.ValueKind != JsonValueKind.Array)
        {
            diagnostics.Error(LokiCodes.WorkflowBadField, "a UI workflow needs a 'nodes' array", file, "$.nodes");
            return new UiWorkflow(raw, element, file);
        }

        // The root graph notes the entries it left out for having no id while it reads the nodes.
        var workflow = new UiWorkflow(raw, element, file);
        if (workflow.Root.NodesWithoutId is { } withoutId)
        {
            foreach (var index in withoutId)
            {
                diagnostics.Error(LokiCodes.WorkflowBadField, "a node needs an object with an 'id'", file, JsonPathText.Index("$.nodes", index));
            }
        }

        if (element.TryGetProperty("links"u8, out var links) && links.ValueKind is not (JsonValueKind.Null or JsonValueKind.Array))
        {
            diagnostics.Error(LokiCodes.WorkflowBadField, "'links' must be an array", file, "$.links");
        }

        foreach (var graph in workflow.Graphs)
        {
            UiWorkflowChecks.Check(graph, workflow, diagnostics);
        }

        return workflow;
    }

    // The first definition of an id is kept.
    private void AddSubgraph(string id, UiGraph graph) => (_subgraphs ??= new(StringComparer.Ordinal)).TryAdd(id, graph);

    private void CollectDefinitions(UiGraph graph, JsonElement element, string path)
    {
        if (!element.TryGetProperty("definitions"u8, out var definitions) || definitions.ValueKind != JsonValueKind.Object
            || !definitions.TryGetProperty("subgraphs"u8, out var defs) || defs.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var i = 0;
        foreach (var def in defs.EnumerateArray())
        {
            var index = i++;
            if (def.ValueKind != JsonValueKind.Object || !def.TryGetProperty("id"u8, out var idElement) || JsonRead.String(idElement) is not { } id)
            {
                continue;
            }

            var at = JsonPathText.Index(path + ".definitions.subgraphs", index);
            var subgraph = new UiGraph(def, graph, index, at, isSubgraph: true);
            AddSubgraph(id, subgraph);
            CollectDefinitions(subgraph, def, at);
        }
    }
}
