using System.Text.Json.Nodes;
using Loki.Core.Workflows;

namespace Loki.Core.Conversion.UiToApi;

/// <summary>
/// A legacy group-node instance (<c>extra.groupNodes</c>) opened up the way the frontend's <c>GroupNodeConfig</c> and
/// <c>GroupNodeHandler</c> do: inner links by (target index, slot), the instance inputs that feed inner slots, and the
/// instance outputs that inner outputs become.
/// </summary>
internal sealed class GroupExpansion
{
    public GroupExpansion(FlatNode instance, JsonObject definition)
    {
        Instance = instance;
        Definition = definition;
    }

    /// <summary>The instance node.</summary>
    public FlatNode Instance { get; }

    /// <summary>The group definition.</summary>
    public JsonObject Definition { get; }

    /// <summary>The inner nodes by index.</summary>
    public List<FlatNode> Children { get; } = [];

    /// <summary>Inner links: (target index, target slot) to (origin index, origin slot).</summary>
    public Dictionary<(int Index, int Slot), (int Index, int Slot)> LinksTo { get; } = [];

    /// <summary>Inner links by origin: (origin index, origin slot) to the links leaving it.</summary>
    public Dictionary<(int Index, int Slot), List<(int Index, int Slot)>> LinksFrom { get; } = [];

    /// <summary>Instance input index for (inner index, inner slot) fed from outside.</summary>
    public Dictionary<(int Index, int Slot), int> InputMap { get; } = [];

    /// <summary>Inner (index, slot) for each instance output index.</summary>
    public List<(int Index, int Slot)> OutputMap { get; } = [];

    /// <summary>Inner outputs also used outside the group (<c>external</c>).</summary>
    public HashSet<(int Index, int Slot)> External { get; } = [];

    /// <summary>The per-inner-node <c>config</c> entry, or null.</summary>
    public JsonObject? Config(int index) => (Definition["config"] as JsonObject)?[index.ToString(System.Globalization.CultureInfo.InvariantCulture)] as JsonObject;
}
