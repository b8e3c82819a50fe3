using Loki.Core.Schemas;
using Loki.Core.Workflows;

namespace Loki.Core.Inspection;

/// <summary>What <c>loki inspect</c> tells about a workflow file.</summary>
/// <param name="File">The file inspected.</param>
/// <param name="Format">The form it was saved in (UI JSON, API JSON, PNG, WebP).</param>
/// <param name="Kind"><c>ui</c> when a UI workflow was inspected, <c>api</c> for a prompt alone.</param>
/// <param name="Version">The UI schema version (<c>0.4</c> or <c>1</c>), or null for a prompt.</param>
/// <param name="FrontendVersion">The frontend that saved it (<c>extra.frontendVersion</c>), when recorded.</param>
/// <param name="Nodes">Nodes of the root graph (or prompt entries).</param>
/// <param name="Links">Links of the root graph (or link inputs of the prompt).</param>
/// <param name="Types">Every node type used (subgraph and group-node contents included) with its count, by name.</param>
/// <param name="MissingTypes">Types that no schema in use defines, with the pack they likely come from.</param>
/// <param name="Subgraphs">The subgraph definitions.</param>
/// <param name="GroupNodes">The legacy group-node definitions (<c>extra.groupNodes</c>).</param>
/// <param name="PromptNodes">Entries of the prompt a media file carries beside its workflow, when it has one.</param>
public sealed record WorkflowReport(
    string File,
    WorkflowFormat Format,
    string Kind,
    string? Version,
    string? FrontendVersion,
    int Nodes,
    int Links,
    IReadOnlyList<TypeCount> Types,
    IReadOnlyList<MissingType> MissingTypes,
    IReadOnlyList<SubgraphSummary> Subgraphs,
    IReadOnlyList<GroupNodeSummary> GroupNodes,
    int? PromptNodes)
{
    /// <summary>For every node type with a definition, the definition(s) its nodes use (chosen per node when several are given).</summary>
    public IReadOnlyList<DefinitionUse> Definitions { get; init; } = [];
}

/// <summary>
/// Which definition nodes of one type use: the dump it came from (<see cref="SchemaOrigin.Source"/>, or
/// <c>&lt;catalogue:comfyui-X&gt;</c>) and its ComfyUI version when known.
/// </summary>
/// <param name="Type">The node type.</param>
/// <param name="Source">The dump the chosen definition came from.</param>
/// <param name="ComfyVersion">That dump's ComfyUI version, or null when unknown.</param>
/// <param name="Nodes">How many nodes of the type use it.</param>
/// <param name="Candidates">How many distinct definitions of the type were given.</param>
public sealed record DefinitionUse(string Type, string Source, string? ComfyVersion, int Nodes, int Candidates);

/// <summary>One node type and how many nodes use it.</summary>
public sealed record TypeCount(string Type, int Count);

/// <summary>A node type without a schema and the pack it likely comes from (null when nothing points anywhere).</summary>
public sealed record MissingType(string Type, int Count, PackGuess? Pack);

/// <summary>One subgraph definition.</summary>
/// <param name="Id">Its uuid.</param>
/// <param name="Name">Its name.</param>
/// <param name="Nodes">Nodes inside it.</param>
/// <param name="Instances">Nodes that use it, anywhere in the workflow.</param>
public sealed record SubgraphSummary(string Id, string? Name, int Nodes, int Instances);

/// <summary>One legacy group-node definition.</summary>
/// <param name="Name">Its name (instances have type <c>workflow&gt;Name</c>).</param>
/// <param name="Nodes">Nodes inside it.</param>
/// <param name="Instances">Nodes that use it.</param>
public sealed record GroupNodeSummary(string Name, int Nodes, int Instances);
