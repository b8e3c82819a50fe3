using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Loki.Core.Splitting;

/// <summary>A region cut out of the work graph, before reuse decides which definition it becomes.</summary>
/// <param name="Key">The structure key (classes, internal links, border types; widget values left out).</param>
/// <param name="Body">The inner nodes with canonical ids; links from outside point at the input markers.</param>
/// <param name="Sockets">One input per distinct outside source, in canonical order.</param>
/// <param name="Outputs">One output per inner output used outside, in canonical order.</param>
/// <param name="Members">Canonical id → work-graph id.</param>
/// <param name="Sources">For each socket, the outside link that feeds it (work-graph ids).</param>
/// <param name="Exits">For each output, the work-graph (node, slot) it stands for.</param>
internal sealed record SubflowDraft(
    string Key,
    JsonObject Body,
    ImmutableArray<SubflowPort> Sockets,
    ImmutableArray<SubflowPort> Outputs,
    ImmutableDictionary<string, string> Members,
    ImmutableArray<(string NodeId, int Slot)> Sources,
    ImmutableArray<(string NodeId, int Slot)> Exits);
