using System.Text.Json.Nodes;
using Loki.Core.Schemas;

namespace Loki.Core.Conversion.ApiToUi;

/// <summary>Everything known about one UI node before links and positions are assigned.</summary>
internal sealed class NodePlan
{
    public NodePlan(string id, int index, string classType, string? title, NodeSchema? schema)
    {
        Id = id;
        Index = index;
        ClassType = classType;
        Title = title;
        Schema = schema;
    }

    /// <summary>The prompt id (the node id in the UI, as a number when it is one).</summary>
    public string Id { get; }

    /// <summary>Position in the prompt.</summary>
    public int Index { get; }

    public string ClassType { get; }

    /// <summary>The prompt's <c>_meta.title</c>, or null.</summary>
    public string? Title { get; }

    public NodeSchema? Schema { get; }

    public List<UiSocket> Inputs { get; } = [];

    /// <summary>Output types by slot; grows when a link uses a slot the schema lacks.</summary>
    public List<(string Name, string Type)> Outputs { get; } = [];

    /// <summary>Positional widget values (schema known) or named ones (no schema), or null when there are none.</summary>
    public JsonNode? WidgetValues { get; set; }
}
