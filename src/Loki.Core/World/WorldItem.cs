using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Loki.Core.World;

/// <summary>One node of the World's macro workflow, before layout.</summary>
/// <param name="Id">The UI node id (1, 2, … in World order).</param>
/// <param name="Kind">Library node, source or sink.</param>
/// <param name="ClassType">The ComfyUI class.</param>
/// <param name="Title">The title shown on the node.</param>
/// <param name="Region">The region (LiteGraph group) it is placed in.</param>
/// <param name="Node">The library node, for <see cref="WorldItemKind.Library"/> items.</param>
/// <param name="Inputs">Every input slot in the frontend's order (sockets and widgets).</param>
/// <param name="Outputs">The output slots.</param>
/// <param name="WidgetValues">The <c>widgets_values</c> the frontend saves (defaults, control modes), or null.</param>
public sealed record WorldItem(
    int Id,
    WorldItemKind Kind,
    string ClassType,
    string Title,
    string Region,
    WorldNode? Node,
    ImmutableArray<WorldSlot> Inputs,
    ImmutableArray<WorldSlot> Outputs,
    JsonArray? WidgetValues);
