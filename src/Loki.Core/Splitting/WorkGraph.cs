using System.Text.Json.Nodes;
using Loki.Core.Flows;
using Loki.Core.Schemas;

namespace Loki.Core.Splitting;

/// <summary>
/// The prompt being split, as regions are folded into flow nodes one by one: a mutable copy of the API prompt in
/// which a folded region's nodes are replaced by one instance node. Output types come from the schemas, or from the
/// sub-flow an instance stands for.
/// </summary>
internal sealed class WorkGraph
{
    private readonly SchemaSet _schemas;
    private readonly Dictionary<string, IReadOnlyList<string>> _instances = new(StringComparer.Ordinal);
    private int _nextId;

    public WorkGraph(JsonObject prompt, SchemaSet schemas)
    {
        _schemas = schemas;
        Prompt = (JsonObject)prompt.DeepClone();
        foreach (var (_, entry) in Prompt)
        {
            if (entry is JsonObject node && node["inputs"] is not JsonObject)
            {
                node["inputs"] = new JsonObject(); // an entry may leave out an empty "inputs"
            }
        }

        _nextId = prompt.Select(p => int.TryParse(p.Key, out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
    }

    /// <summary>The current prompt (original nodes and instance nodes).</summary>
    public JsonObject Prompt { get; }

    /// <summary>True for a node that stands for a folded region.</summary>
    public bool IsInstance(string id) => _instances.ContainsKey(id);

    /// <summary>The node's class.</summary>
    public string ClassOf(string id) => Prompt[id]?["class_type"]?.GetValue<string>() ?? "";

    /// <summary>The node's inputs (name → constant or link), in prompt order.</summary>
    public JsonObject InputsOf(string id) => Prompt[id]?["inputs"] as JsonObject ?? [];

    /// <summary>The type of output <paramref name="slot"/> of node <paramref name="id"/>, or <c>*</c> when unknown.</summary>
    public string OutputType(string id, int slot)
    {
        if (_instances.TryGetValue(id, out var types))
        {
            return slot < types.Count ? types[slot] : "*";
        }

        return _schemas.Find(ClassOf(id)) is { } schema && slot < schema.Outputs.Count ? schema.Outputs[slot].Type : "*";
    }

    /// <summary>True for a node ComfyUI runs for its own sake (<c>OUTPUT_NODE</c>).</summary>
    public bool IsOutputNode(string id) => !_instances.ContainsKey(id) && _schemas.Find(ClassOf(id)) is { IsOutputNode: true };

    /// <summary>True when input <paramref name="input"/> of node <paramref name="id"/> is lazy (evaluated only when asked for).</summary>
    public bool IsLazy(string id, string input) =>
        !_instances.ContainsKey(id) && _schemas.Find(ClassOf(id))?.Input(input) is { } spec && spec.Flag("lazy");

    /// <summary>Every link in the graph: (source id, slot) → (target id, input name).</summary>
    public IEnumerable<(string From, int Slot, string To, string Input)> Links() =>
        Prompt.SelectMany(p => InputsOf(p.Key).Select(i => (To: p.Key, Input: i.Key, Link: FlowGraphReader.AsLink(i.Value))))
            .Where(x => x.Link is not null && Prompt.ContainsKey(x.Link.NodeId))
            .Select(x => (x.Link!.NodeId, x.Link.Slot, x.To, x.Input));

    /// <summary>
    /// Replaces <paramref name="members"/> by one node of class <paramref name="classType"/> whose inputs are
    /// <paramref name="inputs"/> and whose output <c>k</c> stands for <paramref name="outputs"/>[k]; returns its id.
    /// </summary>
    public string Fold(IReadOnlyCollection<string> members, string classType, string title, JsonObject inputs, IReadOnlyList<(string NodeId, int Slot)> outputs)
    {
        var id = (_nextId++).ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (key, entry) in Prompt)
        {
            if (members.Contains(key))
            {
                continue;
            }

            var ins = (JsonObject)entry!["inputs"]!;
            foreach (var (name, value) in ins.ToList())
            {
                if (FlowGraphReader.AsLink(value) is { } link && members.Contains(link.NodeId))
                {
                    var k = IndexOf(outputs, link.NodeId, link.Slot);
                    ins[name] = new JsonArray(id, k);
                }
            }
        }

        var types = outputs.Select(o => OutputType(o.NodeId, o.Slot)).ToList();
        foreach (var m in members)
        {
            Prompt.Remove(m);
        }

        Prompt[id] = new JsonObject { ["inputs"] = inputs, ["class_type"] = classType, ["_meta"] = new JsonObject { ["title"] = title } };
        _instances[id] = types;
        return id;
    }

    private static int IndexOf(IReadOnlyList<(string NodeId, int Slot)> outputs, string id, int slot)
    {
        for (var i = 0; i < outputs.Count; i++)
        {
            if (outputs[i].NodeId == id && outputs[i].Slot == slot)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"output [{id}, {slot}] of a folded region is used outside but is no port");
    }
}
