using System.Runtime.CompilerServices;
using Loki.Core.Schemas;

namespace Loki.Core.Conversion.UiToApi;

/// <summary>
/// What every node of one definition shares and the converter asks per node: worked out once per definition, its
/// widget layout included, so that mapping a node's widgets looks nothing up by name; a flattened node keeps its
/// definition's (<see cref="FlatNode.Facts"/>), as one look-up per definition table per node was ~4 % of converting.
/// </summary>
internal sealed class SchemaWidgetFacts
{
    private static readonly ConditionalWeakTable<NodeSchema, SchemaWidgetFacts> Cache = [];

    private SchemaWidgetFacts(NodeSchema schema)
    {
        Schema = schema;
        var inputs = schema.Inputs;
        Keys = new int[inputs.Count];
        var first = new Dictionary<string, int>(inputs.Count, StringComparer.Ordinal);
        WidgetNamesDistinct = true;
        for (var i = 0; i < inputs.Count; i++)
        {
            Keys[i] = first.TryAdd(inputs[i].Name, i) ? i : first[inputs[i].Name];
            if (inputs[i].HasWidget)
            {
                WidgetCount++;
                WidgetNamesDistinct &= Keys[i] == i;
            }

            HasDynamicPrompts |= inputs[i].Flag("dynamicPrompts");
        }

        Layout = WidgetLayout.Build(schema, Keys);
    }

    /// <summary>The widgets the frontend builds for the definition, in <c>widgets_values</c> order (<see cref="WidgetLayout"/>).</summary>
    public WidgetSlot[] Layout { get; }

    /// <summary>The definition these are the facts of.</summary>
    public NodeSchema Schema { get; }

    /// <summary>
    /// Per input, the index of the first input of its name: saved values are assigned by name (two inputs of one name
    /// share one value), and this index stands for the name without hashing it per node.
    /// </summary>
    public int[] Keys { get; }

    /// <summary>
    /// True when no widget input shares its name with an input before it: the values <see cref="WidgetMapper"/> maps
    /// for a node then have distinct names, and a prompt entry takes them without looking for each name again.
    /// </summary>
    public bool WidgetNamesDistinct { get; }

    /// <summary>How many inputs have a widget.</summary>
    public int WidgetCount { get; }

    /// <summary>True when an input takes dynamic prompts (<c>dynamicPrompts</c>), so widgets need a look-up by name.</summary>
    public bool HasDynamicPrompts { get; }

    /// <summary>The facts of <paramref name="schema"/>.</summary>
    public static SchemaWidgetFacts Of(NodeSchema schema) => Cache.GetValue(schema, static s => new SchemaWidgetFacts(s));
}
