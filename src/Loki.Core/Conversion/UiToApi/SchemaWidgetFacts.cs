using System.Runtime.CompilerServices;
using Loki.Core.Schemas;

namespace Loki.Core.Conversion.UiToApi;

/// <summary>
/// What every node of one definition shares and the converter asks per node: worked out once per definition (as
/// <see cref="WidgetLayout"/> is), so that mapping a node's widgets looks nothing up by name.
/// </summary>
internal sealed class SchemaWidgetFacts
{
    private static readonly ConditionalWeakTable<NodeSchema, SchemaWidgetFacts> Cache = [];

    private SchemaWidgetFacts(NodeSchema schema)
    {
        var inputs = schema.Inputs;
        for (var i = 0; i < inputs.Count; i++)
        {
            if (inputs[i].HasWidget)
            {
                WidgetCount++;
            }

            HasDynamicPrompts |= inputs[i].Flag("dynamicPrompts");
        }
    }

    /// <summary>How many inputs have a widget.</summary>
    public int WidgetCount { get; }

    /// <summary>True when an input takes dynamic prompts (<c>dynamicPrompts</c>), so widgets need a look-up by name.</summary>
    public bool HasDynamicPrompts { get; }

    /// <summary>The facts of <paramref name="schema"/>.</summary>
    public static SchemaWidgetFacts Of(NodeSchema schema) => Cache.GetValue(schema, static s => new SchemaWidgetFacts(s));
}
