namespace Loki.Core.Conversion.ApiToUi;

/// <summary>
/// Estimates the size litegraph gives a node (<c>LGraphNode.computeSize</c>): a row of 20 px per socket-only input
/// or output, 24 px per widget, taller boxes for multi-line text; wide enough for the title and slot names.
/// </summary>
internal static class NodeSize
{
    /// <summary>The height of the title bar litegraph draws above <c>pos</c>.</summary>
    public const double TitleHeight = 30;

    private const double SlotHeight = 20;
    private const double WidgetHeight = 24;
    private const double TextBoxHeight = 96;
    private const double CharWidth = 7;

    /// <summary>Width and height of the node body (the title bar is extra).</summary>
    public static (double Width, double Height) Of(NodePlan plan)
    {
        var socketRows = plan.Inputs.Count(i => !i.IsWidget);
        var rows = Math.Max(Math.Max(socketRows, plan.Outputs.Count), 1);
        var height = (rows * SlotHeight) + 6 + ((plan.WidgetRows - plan.TextBoxes) * WidgetHeight) + (plan.TextBoxes * TextBoxHeight);
        var title = (plan.Title ?? plan.Schema?.Title ?? plan.ClassType).Length;
        var longestIn = plan.Inputs.Where(i => !i.IsWidget).Select(i => i.Name.Length).DefaultIfEmpty(0).Max();
        var longestOut = plan.Outputs.Select(o => o.Name.Length).DefaultIfEmpty(0).Max();
        var width = Math.Max(Math.Max((title * CharWidth) + 50, ((longestIn + longestOut) * CharWidth) + 60), plan.WidgetRows > 0 ? 315 : 140);
        return (Math.Ceiling(width), Math.Ceiling(height));
    }
}
