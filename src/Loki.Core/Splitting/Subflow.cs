using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Loki.Core.Splitting;

/// <summary>
/// One sub-flow definition of a split: its inner nodes (ids <c>"1"</c>…<c>"n"</c> in canonical order), the values
/// crossing its border, and how to write it as a LOKI flow. Several instances may share it.
/// </summary>
/// <param name="Index">Its number in the split (stable, creation order: inner flows first).</param>
/// <param name="Name">The node name (snake case, unique in the split).</param>
/// <param name="Title">The human name (group title, subgraph name, stage).</param>
/// <param name="Kind">The rule that found it.</param>
/// <param name="Key">The structure key: equal keys mean the same graph up to widget values.</param>
/// <param name="Body">The inner nodes without markers (API form, canonical ids; parameter inputs hold the first instance's value).</param>
/// <param name="Inputs">Socket inputs, then parameters, in marker order.</param>
/// <param name="Outputs">Outputs in marker order.</param>
/// <param name="OriginalNodes">How many nodes of the original prompt it holds, nested flows included.</param>
public sealed record Subflow(
    int Index,
    string Name,
    string Title,
    RegionKind Kind,
    string Key,
    JsonObject Body,
    ImmutableArray<SubflowPort> Inputs,
    ImmutableArray<SubflowPort> Outputs,
    int OriginalNodes)
{
    /// <summary>The class its flow node gets in ComfyUI (<c>LokiEncodePrompts</c>).</summary>
    public string ClassType => Naming.NodeNames.ToMappingKey(Name);

    /// <summary>The class an instance carries while the split is running (names are given at the end).</summary>
    public static string Placeholder(int index) => "\u0000split:" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The definition number in a placeholder class, or -1.</summary>
    public static int PlaceholderIndex(string classType) =>
        classType.StartsWith("\u0000split:", StringComparison.Ordinal) ? int.Parse(classType[7..], System.Globalization.CultureInfo.InvariantCulture) : -1;

    /// <summary>The flow as an API prompt: the body, then a <c>LokiInput</c> per input and a <c>LokiOutput</c> per output.</summary>
    public JsonObject Prompt() => SubflowMarkers.Prompt(this);
}
