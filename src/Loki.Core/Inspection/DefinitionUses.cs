using System.Text.Json.Nodes;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Schemas;
using Loki.Core.Workflows;

namespace Loki.Core.Inspection;

/// <summary>Which definition each node of a workflow or prompt uses, grouped by type and dump (for <c>loki inspect</c>).</summary>
internal static class DefinitionUses
{
    /// <summary>The uses of UI nodes, each chosen from its saved widgets.</summary>
    public static List<DefinitionUse> OfUiNodes(IEnumerable<JsonObject> nodes, SchemaSet schemas) =>
        Group(nodes.Select(n =>
        {
            var type = VirtualNodes.Rename(JsonRead.String(n["type"]) ?? string.Empty);
            return (type, SchemaChoice.For(schemas, type, n["widgets_values"] as JsonArray, n["widgets_values"] as JsonObject));
        }), schemas);

    /// <summary>The uses of prompt entries, each chosen from the inputs it sends.</summary>
    public static List<DefinitionUse> OfPrompt(JsonObject prompt, SchemaSet schemas) =>
        Group(prompt.Select(p =>
        {
            var type = JsonRead.String(p.Value?["class_type"]) ?? string.Empty;
            return (type, SchemaChoice.ForPrompt(schemas, type, p.Value?["inputs"] as JsonObject ?? []));
        }), schemas);

    private static List<DefinitionUse> Group(IEnumerable<(string Type, NodeSchema? Schema)> chosen, SchemaSet schemas) =>
        chosen.Where(c => c.Schema is not null)
            .GroupBy(c => (c.Type, Source: c.Schema!.Origin?.Source ?? "<memory>", c.Schema.Origin?.ComfyVersion))
            .Select(g => new DefinitionUse(g.Key.Type, g.Key.Source, g.Key.ComfyVersion, g.Count(), schemas.Candidates(g.Key.Type).Count))
            .OrderBy(u => u.Type, StringComparer.Ordinal)
            .ThenBy(u => u.Source, StringComparer.Ordinal)
            .ToList();
}
