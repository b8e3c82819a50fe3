namespace Loki.Core.Workflows.Layout;

/// <summary>
/// The node sizes of the ComfyUI frontend 1.27.10 (litegraph <c>LGraphNode.computeSize</c> and the frontend's
/// <c>#setInitialSize</c>), in canvas units; a size excludes the title bar drawn above <c>pos</c>.
/// <para>
/// <see cref="Minimum"/> is <c>computeSize</c>: on load the frontend gives every node
/// <c>max(saved size, computeSize())</c>. <see cref="Of"/> is the size a node gets when added from the node menu
/// (60 px wider when it has widgets, at least 400 × 200 with a text box), plus room for the image preview the
/// frontend adds once a loader's file or a saver's result is shown (a widget of at least 220 px, which otherwise
/// grows the node over its neighbours). A workflow written with <see cref="Of"/> opens with exactly those sizes.
/// </para>
/// </summary>
public static class FrontendNodeSize
{
    /// <summary><c>LiteGraph.NODE_TITLE_HEIGHT</c>: the title bar above <c>pos</c>.</summary>
    public const double TitleHeight = 30;

    private const double SlotHeight = 20;       // LiteGraph.NODE_SLOT_HEIGHT
    private const double WidgetHeight = 20;     // LiteGraph.NODE_WIDGET_HEIGHT
    private const double WidgetGap = 4;         // computeSize adds 4 below every widget
    private const double NodeWidth = 140;       // LiteGraph.NODE_WIDTH
    private const double TitleFont = 14;        // LiteGraph.NODE_TEXT_SIZE
    private const double SlotFont = 12;         // LiteGraph.NODE_SUBTEXT_SIZE
    private const double WidgetPadding = 42 + (2 * (15 + 6 + 10)); // BaseWidget.minValueWidth + 2 × (margin + arrowMargin + arrowWidth)
    private const double DomMinHeight = 50;     // DOMWidget.computeLayoutSize without --comfy-widget-min-height
    private const double PreviewMinHeight = 220; // ImagePreviewWidget.computeLayoutSize
    private const double NewNodePadding = 60;   // #setInitialSize, LiteGraph.Node.DefaultPadding off (the default)
    private const double TextBoxNodeWidth = 400; // addMultilineWidget: minNodeSize
    private const double TextBoxNodeHeight = 200;

    /// <summary>The size to write for a node of this shape (see the type's remarks).</summary>
    public static (double Width, double Height) Of(NodeShape shape)
    {
        var (width, height) = Measure(shape, shape.ImagePreview);
        if (shape.Widgets.Count > 0)
        {
            width += NewNodePadding;
        }

        if (shape.Widgets.Contains(WidgetKind.TextBox))
        {
            width = Math.Max(width, TextBoxNodeWidth);
            height = Math.Max(height, TextBoxNodeHeight + (shape.ImagePreview ? PreviewMinHeight + WidgetGap : 0));
        }

        return (Math.Ceiling(width), Math.Ceiling(height));
    }

    /// <summary><c>computeSize()</c> as the frontend evaluates it when a workflow is loaded (no image shown yet).</summary>
    public static (double Width, double Height) Minimum(NodeShape shape) => Measure(shape, preview: false);

    private static (double Width, double Height) Measure(NodeShape shape, bool preview)
    {
        var rows = Math.Max(Math.Max(shape.SocketInputs.Count, shape.Outputs.Count), 1);
        var titleWidth = TitleHeight + ArialMetrics.Width(shape.Title, TitleFont) + (TitleHeight * 0.33);
        var inputWidth = Widest(shape.SocketInputs);
        var outputWidth = Widest(shape.Outputs);
        var widgetWidth = Widest(shape.WidgetInputs);
        var centre = inputWidth > 0 && outputWidth > 0 ? 5 : 0;
        var slotsWidth = inputWidth + outputWidth + (2 * SlotHeight) + centre;
        var widgets = shape.Widgets.Count + (preview ? 1 : 0);
        var width = Math.Max(Math.Max(slotsWidth, widgetWidth > 0 ? widgetWidth + WidgetPadding : 0), Math.Max(titleWidth, NodeWidth * (widgets > 0 ? 1.5 : 1)));

        var height = rows * SlotHeight;
        if (widgets > 0)
        {
            height += shape.Widgets.Sum(w => (w == WidgetKind.Row ? WidgetHeight : DomMinHeight) + WidgetGap) + 8;
            if (preview)
            {
                height += PreviewMinHeight + WidgetGap;
            }

            if (shape.Widgets.Any(w => w != WidgetKind.Row) || preview)
            {
                width = Math.Max(width, 1 + WidgetPadding); // computeLayoutSize's minWidth plus the widget padding
            }
        }

        return (width, height + 6);
    }

    private static double Widest(IReadOnlyList<string> labels) => labels.Count == 0 ? 0 : labels.Max(l => ArialMetrics.Width(l, SlotFont));
}
