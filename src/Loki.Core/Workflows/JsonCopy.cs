using System.Text.Json;
using System.Text.Json.Nodes;

namespace Loki.Core.Workflows;

/// <summary>Copies of nodes read from a workflow, for putting them into another tree (a node has one parent).</summary>
public static class JsonCopy
{
    /// <summary>
    /// A parentless copy of <paramref name="node"/>. A value read from a parsed document shares that document's
    /// element instead of cloning it (<see cref="JsonNode.DeepClone"/> copies the element into a new document for every
    /// number and string): the loader never disposes a document, so the element stays valid and reads the same.
    /// </summary>
    public static JsonNode? Of(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue(out JsonElement element) ? JsonValue.Create(element) : node?.DeepClone();
}
