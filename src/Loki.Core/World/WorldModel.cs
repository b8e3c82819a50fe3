using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Loki.Core.World;

/// <summary>The World as a workflow: what is drawn and what is embedded.</summary>
/// <param name="Library">The library it was made from.</param>
/// <param name="Plan">Its nodes, paths and runnable part.</param>
/// <param name="Workflow">The macro workflow (UI form, laid out): the PNG's <c>workflow</c> chunk.</param>
/// <param name="Prompt">The API prompt of the runnable part: the PNG's <c>prompt</c> chunk.</param>
/// <param name="Regions">The regions' boxes on the map.</param>
public sealed record WorldModel(WorldLibrary Library, WorldPlan Plan, JsonObject Workflow, JsonObject Prompt, ImmutableArray<WorldRegionBox> Regions);
