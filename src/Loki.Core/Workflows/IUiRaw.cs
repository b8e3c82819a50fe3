using System.Text.Json.Nodes;

namespace Loki.Core.Workflows;

/// <summary>A view (node or graph) whose JSON object its slots look themselves up in when their own object is asked for.</summary>
internal interface IUiRaw
{
    /// <summary>The object as read.</summary>
    JsonObject Raw { get; }
}
