using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Loki.Core.Config;

namespace Loki.Core.Flows.Schemas;

/// <summary>
/// The node classes a flow may use: ComfyUI's (from <c>/object_info</c> dumps), the LOKI nodes of a library (from
/// their <c>&lt;n&gt;.json</c>) and the LOKI markers. Later additions override earlier ones.
/// </summary>
public sealed class FlowSchemaCatalog
{
    private readonly Dictionary<string, FlowNodeSchema> _byClass = new(StringComparer.Ordinal);

    /// <summary>Creates a catalogue that knows the marker nodes only.</summary>
    public FlowSchemaCatalog()
    {
        AddObjectInfo(LokiObjectInfo.Markers());
    }

    /// <summary>Every known class.</summary>
    public IEnumerable<FlowNodeSchema> All => _byClass.Values;

    /// <summary>The schema of <paramref name="classType"/>, or null when unknown.</summary>
    public FlowNodeSchema? Find(string classType) => _byClass.GetValueOrDefault(classType);

    /// <summary>Adds or replaces one class.</summary>
    public FlowSchemaCatalog Add(FlowNodeSchema schema)
    {
        _byClass[schema.ClassType] = schema;
        return this;
    }

    /// <summary>Adds every entry of an <c>/object_info</c> dump (class type → definition).</summary>
    public FlowSchemaCatalog AddObjectInfo(JsonObject objectInfo)
    {
        foreach (var (classType, entry) in objectInfo)
        {
            if (entry is JsonObject e && ObjectInfoReader.Read(classType, e) is { } schema)
            {
                Add(schema);
            }
        }

        return this;
    }

    /// <summary>Adds a LOKI node of the library as the class ComfyUI registers it (<c>Loki&lt;PascalCase&gt;</c>).</summary>
    public FlowSchemaCatalog AddLokiNode(NodeConfig config) =>
        Add(ObjectInfoReader.Read(Loki.Core.Naming.NodeNames.ToMappingKey(config.NodeName), LokiObjectInfo.Entry(config))!);
}
